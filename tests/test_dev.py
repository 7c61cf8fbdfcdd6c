"""dev.py, the README's two commands: the demo never shows plugins installed for the tests."""

import dev


def test_demo_leaves_out_test_only_plugins(monkeypatch):
    commands = []
    monkeypatch.setattr(dev, "install", lambda extra: None)
    monkeypatch.setattr(dev, "installed_plugins", lambda: {"example"})
    monkeypatch.setattr(dev, "manage", lambda *args, env=None: commands.append((args, env)))
    monkeypatch.setenv("BEN_PLUGINS_DISABLED", "webhooks")

    dev.demo()

    assert [args[0] for args, _ in commands] == [
        "migrate",
        "load_ben_content",
        "create_demo_accounts",
        "runserver",
    ]
    for _, env in commands:
        assert env["BEN_PLUGINS_DISABLED"] == "webhooks,example"
        assert env["DJANGO_SETTINGS_MODULE"] == "cms.settings.dev"


def test_a_demo_venv_without_the_test_plugin_names_no_unknown_plugin(monkeypatch):
    """A .venv made by `dev.py demo` alone has no example plugin: naming it in
    BEN_PLUGINS_DISABLED would warn about an unknown plugin on every demo start."""
    commands = []
    monkeypatch.setattr(dev, "install", lambda extra: None)
    monkeypatch.setattr(dev, "installed_plugins", set)
    monkeypatch.setattr(dev, "manage", lambda *args, env=None: commands.append(env))
    monkeypatch.delenv("BEN_PLUGINS_DISABLED", raising=False)

    dev.demo()

    assert {env["BEN_PLUGINS_DISABLED"] for env in commands} == {""}


def test_installed_plugins_are_read_from_the_venv():
    """The suite runs in the .venv of `dev.py test`, which installed the example plugin."""
    assert "example" in dev.installed_plugins()
