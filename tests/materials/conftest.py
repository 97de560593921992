import pytest


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploaded files of a test go to its own directory, never to var/media."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def stored_files(media_root):
    """The files in storage now, as paths relative to MEDIA_ROOT."""

    def list_files():
        if not media_root.exists():
            return []
        return sorted(str(path.relative_to(media_root)) for path in media_root.rglob("*") if path.is_file())

    return list_files
