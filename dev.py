#!/usr/bin/env python3
"""One entry point for newcomers and CI: `python3 dev.py demo` and `python3 dev.py test`.

Needs only Python 3.11 and git: it creates .venv, installs the locked dependencies
(requirements/*.lock, checked against their hashes) and the project into it (again only when a
lock or pyproject.toml changed), then runs the demo or the whole test suite inside it.
`python3 dev.py lock` updates the locks to the newest versions pyproject.toml allows.
"""

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tomllib
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
PYTHON = VENV / "bin" / "python"
STAMP = VENV / ".ben-installed"
# The example plugin is installed through its entry point, as any third-party plugin would be.
EXTRA_PACKAGES = {"test": ["tests/example_plugin"]}
DEMO_PORT = os.environ.get("PORT", "8000")
#: Every dependency pinned with hashes (`python3.11 dev.py lock` updates both).
LOCKS = {"": ROOT / "requirements" / "demo.lock", "test": ROOT / "requirements" / "test.lock"}


def run(*args, env=None):
    print("+", " ".join(str(a) for a in args), flush=True)
    subprocess.run([str(a) for a in args], cwd=ROOT, check=True, env=env)


def ensure_python():
    if sys.version_info[:2] != (3, 11):
        sys.exit(f"BEN CMS needs Python 3.11 (this is {sys.version.split()[0]}): use python3.11.")


def install(extra: str):
    """Create the virtualenv and install exactly the locked versions; skipped when neither
    the lock nor a pyproject.toml changed."""
    ensure_python()
    if not PYTHON.exists():
        venv.create(VENV, with_pip=True)
    lock = LOCKS[extra]
    projects = [ROOT, *(ROOT / package for package in EXTRA_PACKAGES.get(extra, []))]
    digest = hashlib.sha256(lock.read_bytes())
    for project in projects:
        digest.update((project / "pyproject.toml").read_bytes())
    wanted = f"{extra}:{digest.hexdigest()}"
    installed = STAMP.read_text().split() if STAMP.exists() else []
    if wanted in installed:
        return
    pip = [PYTHON, "-m", "pip", "install", "--quiet"]
    run(*pip, "--require-hashes", "--no-deps", "-r", lock)
    # The project itself and the test plugin: from the working tree, built with the locked
    # setuptools, their dependencies already installed from the lock.
    for project in projects:
        run(*pip, "--no-deps", "--no-build-isolation", "-e", project)
    STAMP.write_text("\n".join([*installed, wanted]))


def lock():
    """Resolve the newest versions pyproject.toml allows and write both lock files."""
    ensure_python()
    if not PYTHON.exists():
        venv.create(VENV, with_pip=True)
    run(PYTHON, "-m", "pip", "install", "--quiet", "pip-tools")
    compile_lock = [
        PYTHON, "-m", "piptools", "compile", "--quiet", "--upgrade", "--generate-hashes",
        "--allow-unsafe", "--strip-extras", "--no-emit-index-url", "--no-emit-find-links",
    ]  # fmt: skip
    demo_lock, test_lock = (str(path.relative_to(ROOT)) for path in LOCKS.values())
    build = "requirements/build.in"
    run(*compile_lock, "--output-file", demo_lock, "pyproject.toml", build)
    # The test lock keeps every version of the demo lock, so one .venv serves both.
    run(*compile_lock, "--extra", "test", "--constraint", demo_lock,
        "--output-file", test_lock, "pyproject.toml", build)  # fmt: skip


def test_only_plugins() -> list[str]:
    """Entry-point plugins installed for the tests only: the demo leaves them out, where
    `dev.py test` installed them into the same .venv (naming them where they are not
    installed would earn a warning about unknown plugins)."""
    names = []
    for package in EXTRA_PACKAGES["test"]:
        project = tomllib.loads((ROOT / package / "pyproject.toml").read_text())["project"]
        names += project.get("entry-points", {}).get("ben_cms.plugins", {})
    installed = installed_plugins()
    return [name for name in names if name in installed]


def installed_plugins() -> set[str]:
    """Names of the plugin entry points installed in .venv."""
    found = subprocess.run(
        [PYTHON, "-c", "from importlib.metadata import entry_points as e; "
         "print(*(p.name for p in e(group='ben_cms.plugins')))"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    return set(found.stdout.split())


def manage(*args, env=None):
    run(PYTHON, "manage.py", *args, env=env)


def demo():
    install("")
    disabled = [os.environ.get("BEN_PLUGINS_DISABLED", ""), *test_only_plugins()]
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "BEN_PLUGINS_DISABLED": ",".join(name for name in disabled if name),
        "BEN_BASE_URL": os.environ.get("BEN_BASE_URL", f"http://localhost:{DEMO_PORT}"),
    }
    manage("migrate", "--noinput", env=env)
    manage("load_ben_content", env=env)
    manage("create_demo_accounts", env=env)
    print(f"\nBEN CMS läuft: {env['BEN_BASE_URL']}/admin/  (API: /api/v1/)\n", flush=True)
    manage("runserver", f"127.0.0.1:{DEMO_PORT}", env=env)


def install_axe_core():
    """axe-core for the accessibility tests, exactly as package-lock.json pins it (again only
    when the pinned version changed); without npm those tests skip (outside CI)."""
    locked = json.loads((ROOT / "package-lock.json").read_text())["packages"]
    installed = ROOT / "node_modules" / "axe-core" / "package.json"
    wanted = locked["node_modules/axe-core"]["version"]
    if installed.exists() and json.loads(installed.read_text())["version"] == wanted:
        return
    if shutil.which("npm"):
        run("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error")
    else:
        print("npm fehlt / npm missing: accessibility tests will be skipped.", flush=True)


def test(pytest_args):
    install("test")
    install_axe_core()
    run(PYTHON, "-m", "ruff", "check", ".")
    run(PYTHON, "-m", "ruff", "format", "--check", ".")
    run(VENV / "bin" / "lint-imports")
    run(
        PYTHON,
        "manage.py",
        "makemigrations",
        "--check",
        "--dry-run",
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.test"},
    )
    run(PYTHON, "-m", "pytest", "-n", "auto", *pytest_args)


def main():
    command, *rest = sys.argv[1:] or ["help"]
    if command == "demo":
        demo()
    elif command == "test":
        test(rest)
    elif command == "lock":
        lock()
    else:
        sys.exit("Usage: python3 dev.py demo | test [pytest arguments] | lock")


if __name__ == "__main__":
    try:
        main()
    except subprocess.CalledProcessError as error:
        sys.exit(error.returncode)
    except KeyboardInterrupt:
        sys.exit(130)
