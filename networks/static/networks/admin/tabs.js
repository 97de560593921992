/* A small, local stand-in for the jQuery UI tabs widget that django-modeltranslation's tabbed admin calls
 * ($(el).tabs({active: n}), .tabs("option", "active", n), the "tabsactivate" event), so that the translation
 * tabs work without loading jQuery UI from a CDN. Keyboard: arrow keys, Home and End move between the tabs. */
(function ($) {
  "use strict";
  if (!$ || $.fn.tabs) { return; }

  function activate($container, index, focus) {
    var $tabs = $container.data("hyteTabs");
    if (!$tabs || index < 0 || index >= $tabs.length) { return; }
    var previous = $container.data("hyteTabsActive");
    $tabs.each(function (i) {
      var $li = $(this), $a = $li.children("a"), $panel = $($a.attr("href"));
      var on = i === index;
      $li.toggleClass("ui-tabs-active ui-state-active", on);
      $a.attr({"aria-selected": on ? "true" : "false", tabindex: on ? "0" : "-1"});
      $panel.toggleClass("ui-tabs-hide", !on).prop("hidden", !on);
    });
    $container.data("hyteTabsActive", index);
    if (focus) { $tabs.eq(index).children("a").trigger("focus"); }
    if (previous !== undefined && previous !== index) {
      $container.trigger("tabsactivate", [{newTab: $tabs.eq(index), oldTab: $tabs.eq(previous)}]);
    }
  }

  $.fn.tabs = function (options, name, value) {
    if (options === "option") {
      if (name === "active" && value !== undefined) {
        return this.each(function () { activate($(this), value, false); });
      }
      return this.first().data("hyteTabsActive");
    }
    return this.each(function () {
      var $container = $(this).addClass("ui-tabs ui-widget");
      var $list = $container.children("ul").first().addClass("ui-tabs-nav").attr("role", "tablist");
      var $tabs = $list.children("li").addClass("ui-state-default").attr("role", "presentation");
      $container.data("hyteTabs", $tabs);
      $tabs.each(function (i) {
        var $a = $(this).children("a").attr("role", "tab");
        var panelId = $a.attr("href").slice(1);
        $a.attr({"aria-controls": panelId, id: panelId + "-tab"});
        $("#" + panelId).addClass("ui-tabs-panel").attr({role: "tabpanel", "aria-labelledby": panelId + "-tab"});
        $a.on("click", function (event) { event.preventDefault(); activate($container, i, false); });
        $a.on("keydown", function (event) {
          var last = $tabs.length - 1, target = null;
          if (event.key === "ArrowRight") { target = i === last ? 0 : i + 1; }
          if (event.key === "ArrowLeft") { target = i === 0 ? last : i - 1; }
          if (event.key === "Home") { target = 0; }
          if (event.key === "End") { target = last; }
          if (target !== null) { event.preventDefault(); activate($container, target, true); }
        });
      });
      activate($container, (options && options.active) || 0, false);
    });
  };
})(window.django && window.django.jQuery ? window.django.jQuery : window.jQuery);
