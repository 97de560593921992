"""What every demo loader shares: reading its data file, translated text columns, and its one line of report."""

import tomllib
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"


def read_data(name: str) -> dict:
    """The parsed demo data file data/<name>.toml."""
    with (DATA_DIR / f"{name}.toml").open("rb") as file:
        return tomllib.load(file)


def translated(field: str, texts: dict[str, str]) -> dict[str, str]:
    """A text given per language ({"fi": ..., "sv": ..., "en": ...}) as the modeltranslation columns of `field`."""
    return {f"{field}_{language}": text for language, text in texts.items()}


def report(stdout, label: str, *, created: int, total: int) -> None:
    """Say how many of the loader's rows this run created: on a second run, none."""
    stdout.write(f"{label}: {created} created, {total - created} already there")
