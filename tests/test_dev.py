"""dev.py, the README's two commands: the demo never shows plugins installed for the tests."""

import dev


def test_demo_leaves_out_test_only_plugins(monkeypatch):
    commands = []
    monkeypatch.setattr(dev, "install", lambda extra: None)
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
