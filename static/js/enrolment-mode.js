// Hybrid events: the on-site questions (dietary needs...) are shown only to those who choose to take part on
// site. Without JavaScript every question shows and the server ignores on-site answers of online participants.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("form.enrolment-form").forEach(function (form) {
    var radios = form.querySelectorAll('input[name="mode"]');
    if (!radios.length) return;
    var onsiteFields = form.querySelectorAll('[data-onsite="1"]');
    function update() {
      var chosen = form.querySelector('input[name="mode"]:checked');
      var online = chosen && chosen.value === "online";
      onsiteFields.forEach(function (field) {
        field.closest(".field").hidden = online;
      });
    }
    radios.forEach(function (radio) { radio.addEventListener("change", update); });
    update();
  });
});
