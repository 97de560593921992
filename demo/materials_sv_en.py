"""Demo materials written in Swedish or English (data/materials_sv_en.toml), loaded as demo/materials.py loads
the Finnish ones: found by Finnish title, networks by theme keywords, a one-page PDF drawn for `pdf`."""

from materials.models import Material

from .loading import read_data, report
from .materials import _create, _theme_networks


def seed(stdout) -> None:
    data = read_data("materials_sv_en")
    theme_keywords = read_data("materials")["theme_keywords"]
    created = 0
    for spec in data["materials"]:
        if Material.objects.filter(title_fi=spec["title"]["fi"]).exists():
            continue
        networks = _theme_networks([theme_keywords[theme] for theme in spec["themes"]])
        _create(spec, language=spec["language"], networks=networks, events=[])
        created += 1
    report(stdout, "materials in Swedish and English", created=created, total=len(data["materials"]))
