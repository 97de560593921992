import pytest


@pytest.fixture(autouse=True)
def media_root(media_root):
    """Every materials test keeps its uploads in its own directory (the shared `media_root`)."""
    return media_root


@pytest.fixture
def stored_files(media_root):
    """The files in storage now, as paths relative to MEDIA_ROOT."""

    def list_files():
        if not media_root.exists():
            return []
        return sorted(str(path.relative_to(media_root)) for path in media_root.rglob("*") if path.is_file())

    return list_files
