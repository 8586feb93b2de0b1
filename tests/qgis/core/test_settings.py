"""The settings declared in plugin/core/settings.py: each key has a type, a default of
that type, and reads back as that type whatever was saved."""

from __future__ import annotations

import pytest

from ..conftest import clean_settings


@pytest.fixture(autouse=True)
def fresh_settings(qgis_app):
    clean_settings()
    yield
    clean_settings()


def _settings():
    from eo_explorer.plugin.core import settings

    return settings


def _declared() -> dict[str, str]:
    settings = _settings()
    return {
        name: value
        for name, value in vars(settings.Key).items()
        if not name.startswith("_") and isinstance(value, str)
    }


def test_every_key_has_a_default_and_a_type():
    settings = _settings()
    keys = set(_declared().values())
    assert len(keys) == len(_declared()), "two names for one key"
    assert set(settings.DEFAULTS) == keys
    assert set(settings.TYPES) == keys


def test_each_default_has_its_declared_type():
    settings = _settings()
    for key, default in settings.DEFAULTS.items():
        kind = settings.TYPES[key]
        assert isinstance(default, kind), f"{key}: {default!r} is not a {kind.__name__}"
        if kind is int:
            assert not isinstance(default, bool), f"{key}: a bool where an int is declared"


def test_unsaved_keys_read_as_their_defaults():
    settings = _settings()
    for key, default in settings.DEFAULTS.items():
        assert settings.get(key) == default, key
        assert isinstance(settings.get(key), settings.TYPES[key]), key


def test_saved_values_read_back_as_their_type():
    settings = _settings()
    samples = {bool: True, int: 7, float: 2.5, str: "x", list: ["s3:one", "s3:two"]}
    for key, kind in settings.TYPES.items():
        settings.set(key, samples[kind])
        assert settings.get(key) == samples[kind], key
    settings.set(settings.Key.S3_BUCKETS, ["s3:only"])
    assert settings.get(settings.Key.S3_BUCKETS) == ["s3:only"]


def test_unreadable_numbers_fall_back_to_the_default():
    settings = _settings()
    settings.set(settings.Key.BATCH_RESOLUTION, "fine")
    assert (
        settings.get(settings.Key.BATCH_RESOLUTION)
        == settings.DEFAULTS[settings.Key.BATCH_RESOLUTION]
    )
    settings.set(settings.Key.BATCH_RESOLUTION, "60")  # as QSettings reads it after a restart
    assert settings.get(settings.Key.BATCH_RESOLUTION) == 60.0
    settings.set(settings.Key.DOWNLOAD_WORKERS, "many")
    assert settings.download_workers() == settings.DEFAULTS[settings.Key.DOWNLOAD_WORKERS]
    settings.set(settings.Key.DOWNLOAD_WORKERS, 0)
    assert settings.download_workers() == 1
    settings.set(settings.Key.DOWNLOAD_WORKERS, 3)
    assert settings.download_workers() == 3


def test_download_workers_default_is_the_batch_default():
    from eo_explorer.plugin.api import batch

    settings = _settings()
    assert settings.DEFAULTS[settings.Key.DOWNLOAD_WORKERS] == batch.DEFAULT_WORKERS


def test_undeclared_keys_are_refused():
    settings = _settings()
    with pytest.raises(KeyError):
        settings.set("somewhere/new", 1)
    with pytest.raises(KeyError):
        settings.get("somewhere/new")
    with pytest.raises(KeyError):
        settings.dock_open_key("Nowhere")
    with pytest.raises(KeyError):
        settings.account_option("cdse", "colour")


def test_each_dock_entry_has_a_declared_open_key():
    from eo_explorer.plugin.gui.constellr.entry import ConstellrEntry
    from eo_explorer.plugin.gui.sentinelhub.entry import ProcessEntry

    settings = _settings()
    for entry in (ProcessEntry, ConstellrEntry):
        assert settings.dock_open_key(entry.name) in settings.DEFAULTS


def test_account_options_are_the_saved_credential_fields():
    from eo_explorer.plugin.core import credentials

    settings = _settings()
    saved = {"authcfg", *credentials._OPTIONS, *credentials._FLAGS}
    assert saved == set(settings.ACCOUNT_OPTIONS)
    for name in credentials._FLAGS:
        assert settings.ACCOUNT_OPTIONS[name] is False
    for name in ("authcfg", *credentials._OPTIONS):
        assert settings.ACCOUNT_OPTIONS[name] == ""


def test_account_options_are_kept_per_account_and_removed_together():
    settings = _settings()
    settings.set_account_option("s3:a", "region", "eu-west-1")
    settings.set_account_option("s3:a", "anonymous", True)
    settings.set_account_option("s3:b", "region", "us-east-1")
    assert settings.account_option("s3:a", "region") == "eu-west-1"
    settings.remove_account_options("s3:a")
    assert settings.account_option("s3:a", "region") == ""
    assert settings.account_option("s3:a", "anonymous") is False
    assert settings.account_option("s3:b", "region") == "us-east-1"


def test_process_settings_use_the_declared_keys():
    from eo_explorer.plugin.sentinelhub import settings as process_settings

    settings = _settings()
    assert process_settings.workers() == settings.DEFAULTS[settings.Key.PROCESS_WORKERS]
    settings.set(settings.Key.PROCESS_WORKERS, 99)
    assert process_settings.workers() == 16
    settings.set(settings.Key.PROCESS_MAX_TILE_PIXELS, 1000)
    assert process_settings.max_tile_pixels() == 1000
    process_settings.set_output_folder("/tmp/out")
    assert str(process_settings.output_folder()) == "/tmp/out"
    process_settings.set_custom_endpoint("http://127.0.0.1:9", "sentinelhub")
    assert process_settings.find_endpoint(process_settings.CUSTOM_ID) is not None
    process_settings.set_endpoint(process_settings.CUSTOM_ID)
    assert process_settings.current_endpoint().id == process_settings.CUSTOM_ID
