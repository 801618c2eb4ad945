"""The settings modules: what each one refuses, what it reads, which one each entry point uses.

Settings are loaded in a fresh Python with a clean environment (only what each test
sets), as a server or the ``hedef`` command would load them.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from hedef.settings.env import Email, Env

SETTINGS_DIR = Path(__file__).resolve().parents[2] / "src" / "hedef" / "settings"
SHOW = (
    "import json, django; django.setup(); from django.conf import settings as s; "
    "print(json.dumps({'module': s.SETTINGS_MODULE, 'debug': s.DEBUG, 'key': s.SECRET_KEY, "
    "'hosts': s.ALLOWED_HOSTS, 'session_secure': s.SESSION_COOKIE_SECURE, "
    "'csrf_secure': s.CSRF_COOKIE_SECURE, 'hsts': s.SECURE_HSTS_SECONDS, "
    "'proxy': s.SECURE_PROXY_SSL_HEADER, 'redirect': s.SECURE_SSL_REDIRECT, "
    "'trusted': s.CSRF_TRUSTED_ORIGINS, 'email': s.EMAIL_BACKEND, "
    "'db': {k: s.DATABASES['default'].get(k) for k in ('ENGINE', 'NAME', 'OPTIONS')}}))"
)
KEY = "k3y-of-this-installation-" + "x" * 40
AUDIT_KEY = "audit-k3y-of-this-installation-" + "y" * 40
README = Path(__file__).resolve().parents[2] / "README.md"


def run(tmp_path: Path, code: str, **environ: str) -> subprocess.CompletedProcess[str]:
    """``python -c code`` with nothing of this process's environment but PATH."""
    env = {"PATH": os.environ["PATH"], "HEDEF_DATA_DIR": str(tmp_path / "data"), **environ}
    return subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=tmp_path, capture_output=True, text=True
    )


def load(tmp_path: Path, module: str | None, **environ: str) -> dict[str, object]:
    if module:
        environ["DJANGO_SETTINGS_MODULE"] = module
    result = run(tmp_path, SHOW, **environ)
    assert result.returncode == 0, result.stderr
    loaded: dict[str, object] = json.loads(result.stdout.strip().splitlines()[-1])
    return loaded


def refusal(result: subprocess.CompletedProcess[str]) -> str:
    """The message of the ImproperlyConfigured that stopped start-up."""
    assert result.returncode != 0, result.stdout
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("django.core.exceptions.ImproperlyConfigured: "), result.stderr
    return last.removeprefix("django.core.exceptions.ImproperlyConfigured: ")


# ---- production -----------------------------------------------------------------------------


@pytest.mark.parametrize("key", [None, "  "])
def test_production_refuses_to_start_without_a_secret_key(tmp_path, key):
    environ = {"DJANGO_SETTINGS_MODULE": "hedef.settings.production"}
    environ["HEDEF_ALLOWED_HOSTS"] = "hedef.example.az"
    environ["HEDEF_AUDIT_KEY"] = AUDIT_KEY
    if key is not None:
        environ["HEDEF_SECRET_KEY"] = key
    message = refusal(run(tmp_path, "import django; django.setup()", **environ))
    assert message.startswith("HEDEF_SECRET_KEY is not set")
    assert not (tmp_path / "data").exists()  # no key was made up in its place


def test_production_refuses_the_key_the_settings_used_to_ship_with(tmp_path):
    result = run(
        tmp_path,
        "import django; django.setup()",
        DJANGO_SETTINGS_MODULE="hedef.settings.production",
        HEDEF_SECRET_KEY="insecure-development-key-change-me",
        HEDEF_AUDIT_KEY=AUDIT_KEY,
        HEDEF_ALLOWED_HOSTS="hedef.example.az",
    )
    assert refusal(result).startswith("HEDEF_SECRET_KEY is a published example key")


def test_production_refuses_to_start_without_allowed_hosts(tmp_path):
    result = run(
        tmp_path,
        "import django; django.setup()",
        DJANGO_SETTINGS_MODULE="hedef.settings.production",
        HEDEF_SECRET_KEY=KEY,
        HEDEF_AUDIT_KEY=AUDIT_KEY,
    )
    assert refusal(result).startswith("HEDEF_ALLOWED_HOSTS is not set")


@pytest.mark.parametrize("audit_key", [None, "", KEY])
def test_production_refuses_to_start_without_an_audit_key_of_its_own(tmp_path, audit_key):
    environ = {"HEDEF_SECRET_KEY": KEY, "HEDEF_ALLOWED_HOSTS": "hedef.example.az"}
    if audit_key is not None:
        environ["HEDEF_AUDIT_KEY"] = audit_key
    result = run(
        tmp_path,
        "import django; django.setup()",
        DJANGO_SETTINGS_MODULE="hedef.settings.production",
        **environ,
    )
    expected = "must differ from HEDEF_SECRET_KEY" if audit_key else "is not set"
    assert refusal(result).startswith(f"HEDEF_AUDIT_KEY {expected}")


def test_gunicorn_entry_point_defaults_to_production(tmp_path):
    message = refusal(run(tmp_path, "import hedef.wsgi"))
    assert message.startswith("HEDEF_SECRET_KEY is not set")
    served = run(
        tmp_path,
        "import hedef.wsgi; from django.conf import settings; print(settings.SETTINGS_MODULE)",
        HEDEF_SECRET_KEY=KEY,
        HEDEF_AUDIT_KEY=AUDIT_KEY,
        HEDEF_ALLOWED_HOSTS="hedef.example.az",
    )
    assert served.stdout.split() == ["hedef.settings.production"], served.stderr


def test_production_with_a_key_and_hosts_runs_without_debug_over_https(tmp_path):
    loaded = load(
        tmp_path,
        "hedef.settings.production",
        HEDEF_SECRET_KEY=KEY,
        HEDEF_AUDIT_KEY=AUDIT_KEY,
        HEDEF_ALLOWED_HOSTS="hedef.example.az, www.hedef.example.az",
        HEDEF_DEBUG="1",  # not read in production
        HEDEF_BASE_URL="https://hedef.example.az/",
    )
    assert loaded["debug"] is False
    assert loaded["key"] == KEY
    assert loaded["hosts"] == ["hedef.example.az", "www.hedef.example.az"]
    assert loaded["session_secure"] is True and loaded["csrf_secure"] is True
    assert loaded["hsts"] == 31_536_000
    assert loaded["proxy"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert loaded["redirect"] is False
    assert loaded["trusted"] == ["https://hedef.example.az"]


def test_production_over_plain_http_and_without_a_proxy_header(tmp_path):
    loaded = load(
        tmp_path,
        "hedef.settings.production",
        HEDEF_SECRET_KEY=KEY,
        HEDEF_AUDIT_KEY=AUDIT_KEY,
        HEDEF_ALLOWED_HOSTS="10.0.0.5",
        HEDEF_HTTPS="0",
        HEDEF_PROXY_SSL_HEADER="none",
        HEDEF_CSRF_TRUSTED_ORIGINS="http://10.0.0.5:8080",
    )
    assert loaded["session_secure"] is False and loaded["hsts"] == 0
    assert loaded["proxy"] is None
    assert loaded["trusted"] == ["http://127.0.0.1:8000", "http://10.0.0.5:8080"]


def documented_production_environment(tmp_path: Path) -> dict[str, str]:
    """The environment file of README's "Deployment", its elided secrets filled in."""
    text = README.read_text("utf-8")
    block = text[text.index("# /etc/hedef/env") :].split("```")[0]
    environ = dict(
        line.split("=", 1) for line in block.splitlines() if "=" in line and line[0] != "#"
    )
    filled = {"HEDEF_SECRET_KEY": KEY, "HEDEF_AUDIT_KEY": AUDIT_KEY}
    environ = {
        name: filled.get(name, value.replace("…", "secret")) for name, value in environ.items()
    }
    environ["HEDEF_DATA_DIR"] = str(tmp_path)
    environ["HEDEF_STATIC_ROOT"] = str(tmp_path / "static")
    return environ


def check_deploy(tmp_path: Path, environ: dict[str, str]) -> set[str]:
    """The ids of what ``hedef manage check --deploy`` reports, run as the server would."""
    result = subprocess.run(
        [Path(sys.executable).parent / "hedef", "manage", "check", "--deploy"],
        env={"PATH": os.environ["PATH"], **environ},
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    return {
        line.split(")")[0].split("(")[-1] for line in result.stderr.splitlines() if "?:" in line
    }


def test_the_documented_production_settings_pass_the_deployment_checklist(tmp_path):
    environ = documented_production_environment(tmp_path)
    assert environ["DJANGO_SETTINGS_MODULE"] == "hedef.settings.production"
    assert {"HEDEF_SECRET_KEY", "HEDEF_AUDIT_KEY", "HEDEF_TRUSTED_PROXIES"} <= environ.keys()
    assert check_deploy(tmp_path, environ) == set()


@pytest.mark.parametrize(
    ("changes", "reported"),
    [
        # the README explains why these are silenced while they are off (Deployment)
        ({"HEDEF_HSTS_INCLUDE_SUBDOMAINS": "1", "HEDEF_HSTS_PRELOAD": "1"}, set()),
        ({"HEDEF_SSL_REDIRECT": "1"}, set()),
        # over plain HTTP nothing is silenced on its behalf
        ({"HEDEF_HTTPS": "0"}, {"security.W004", "security.W012", "security.W016"}),
    ],
)
def test_the_deployment_checklist_sees_what_the_environment_turns_off(tmp_path, changes, reported):
    environ = {**documented_production_environment(tmp_path), **changes}
    assert check_deploy(tmp_path, environ) == reported


def test_the_domain_wide_hsts_choices_reach_the_header_settings(tmp_path):
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.SECURE_HSTS_INCLUDE_SUBDOMAINS, s.SECURE_HSTS_PRELOAD, s.SILENCED_SYSTEM_CHECKS)"
    )
    environ = documented_production_environment(tmp_path)
    environ.pop("HEDEF_DATA_DIR")
    off = run(tmp_path, code, **environ)
    assert off.stdout.split() == [
        "False",
        "False",
        "['security.W008',",
        "'security.W005',",
        "'security.W021']",
    ], off.stderr
    on = run(tmp_path, code, **environ, HEDEF_HSTS_INCLUDE_SUBDOMAINS="1", HEDEF_HSTS_PRELOAD="yes")
    assert on.stdout.split() == ["True", "True", "['security.W008']"], on.stderr


# ---- development and the defaults of the entry points ---------------------------------------


def test_development_keeps_the_key_it_made_across_restarts(tmp_path):
    first = load(tmp_path, "hedef.settings.development")
    second = load(tmp_path, "hedef.settings.development")
    assert first["debug"] is True
    assert first["email"] == "django.core.mail.backends.console.EmailBackend"
    assert first["db"] == {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(tmp_path / "data" / "hedef.sqlite3"),
        "OPTIONS": {"timeout": 20, "transaction_mode": "IMMEDIATE"},
    }
    assert first["key"] == second["key"] and len(str(first["key"])) >= 50
    kept = tmp_path / "data" / "secret_key"
    assert kept.read_text("utf-8").strip() == first["key"]
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    assert sorted(p.name for p in kept.parent.iterdir()) == ["secret_key"]

    (tmp_path / "other").mkdir()
    elsewhere = load(tmp_path / "other", "hedef.settings.development")
    assert elsewhere["key"] != first["key"]


def test_development_takes_the_key_and_debug_from_the_environment(tmp_path):
    loaded = load(
        tmp_path,
        "hedef.settings.development",
        HEDEF_SECRET_KEY=KEY,
        HEDEF_DEBUG="no",
        HEDEF_EMAIL_URL="smtp://relay.gov.az:587?tls=1",
        DATABASE_URL="postgres://hedef:pw@db.gov.az:5432/hedef",
    )
    assert loaded["key"] == KEY and loaded["debug"] is False
    assert loaded["email"] == "django.core.mail.backends.smtp.EmailBackend"
    assert loaded["db"] == {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "hedef",
        "OPTIONS": {},
    }
    assert not (tmp_path / "data" / "secret_key").exists()


def test_development_says_so_when_its_key_file_is_empty(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "secret_key").write_text("\n")
    result = run(
        tmp_path,
        "import django; django.setup()",
        DJANGO_SETTINGS_MODULE="hedef.settings.development",
    )
    assert (
        refusal(result)
        == f"{tmp_path / 'data' / 'secret_key'} is empty; delete it or set HEDEF_SECRET_KEY"
    )


def test_development_still_starts_where_it_cannot_keep_a_key(tmp_path):
    (tmp_path / "a-file").write_text("")
    result = run(
        tmp_path,
        SHOW,
        DJANGO_SETTINGS_MODULE="hedef.settings.development",
        HEDEF_DATA_DIR=str(tmp_path / "a-file" / "data"),
    )
    assert result.returncode == 0, result.stderr
    assert "RuntimeWarning: cannot keep a development secret key in " in result.stderr
    assert len(json.loads(result.stdout.splitlines()[-1])["key"]) >= 50


def test_the_hedef_command_defaults_to_development(tmp_path):
    result = subprocess.run(
        [Path(sys.executable).parent / "hedef", "manage", "shell", "-c",
         "from django.conf import settings; print(settings.SETTINGS_MODULE, settings.DEBUG)"],
        env={"PATH": os.environ["PATH"], "HEDEF_DATA_DIR": str(tmp_path)},
        cwd=tmp_path, capture_output=True, text=True,
    )  # fmt: skip
    assert result.stdout.split()[-2:] == ["hedef.settings.development", "True"], result.stderr


def test_the_suite_runs_on_the_test_settings(settings):
    # The fixtures wrap the settings in overrides, which hide SETTINGS_MODULE.
    assert os.environ["DJANGO_SETTINGS_MODULE"] == "hedef.settings.test"
    assert settings.SECRET_KEY == "hedef-tests-only-not-a-secret"
    assert settings.DEBUG is False


def test_only_env_reads_the_environment():
    readers = [
        path.name
        for path in SETTINGS_DIR.glob("*.py")
        if path.name != "env.py"
        and any(word in path.read_text("utf-8") for word in ("os.environ", "getenv"))
    ]
    assert not readers


def test_no_settings_module_adds_settings_behind_the_readers_back():
    for path in SETTINGS_DIR.glob("*.py"):
        assert "globals()" not in path.read_text("utf-8"), path.name


# ---- env.py -----------------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["1", "true", "True", "YES", "on", " on "])
def test_flags_that_are_true(value):
    assert Env({"X": value}).flag("X") is True


@pytest.mark.parametrize("value", ["0", "false", "FALSE", "no", "off"])
def test_flags_that_are_false(value):
    assert Env({"X": value}).flag("X", default=True) is False


def test_an_unset_or_empty_flag_is_its_default():
    assert Env({}).flag("X", default=True) is True
    assert Env({"X": ""}).flag("X", default=True) is True
    assert Env({"X": " "}).flag("X") is False


def test_a_flag_that_is_neither_names_the_variable():
    with pytest.raises(ImproperlyConfigured, match="HEDEF_OPERATOR_TOTP='enabled' is neither"):
        Env({"HEDEF_OPERATOR_TOTP": "enabled"}).flag("HEDEF_OPERATOR_TOTP", default=True)


def test_lists_are_comma_separated_without_blanks():
    env = Env({"HOSTS": " a.example, b.example ,,c.example,", "EMPTY": " , "})
    assert env.items("HOSTS", ["default"]) == ["a.example", "b.example", "c.example"]
    assert env.items("EMPTY", ["default"]) == ["default"]
    assert env.items("UNSET", ("localhost",)) == ["localhost"]
    assert env.items("UNSET") == []


def test_whole_numbers_text_and_paths(tmp_path):
    env = Env({"N": " 587 ", "BAD": "5 8 7", "T": "  value ", "P": str(tmp_path / "x" / "..")})
    assert env.integer("N", 25) == 587 and env.integer("UNSET", 25) == 25
    with pytest.raises(ImproperlyConfigured, match="BAD='5 8 7' is not a whole number"):
        env.integer("BAD", 25)
    assert env.text("T") == "value" and env.text("T", strip=False) == "  value "
    assert env.text("UNSET", "fallback") == "fallback"
    assert env.path("P", Path("elsewhere")) == tmp_path
    assert env.path("UNSET", tmp_path / "var") == tmp_path / "var"
    with pytest.raises(ImproperlyConfigured, match=r"^T2 is not set: because$"):
        env.required("T2", "because")


def test_the_environment_is_read_once():
    environ = {"HEDEF_DEMO": "1"}
    env = Env(environ)
    environ["HEDEF_DEMO"] = "0"
    assert env.flag("HEDEF_DEMO") is True


SMTP = "django.core.mail.backends.smtp.EmailBackend"


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, Email()),
        ({"HEDEF_EMAIL_URL": "console://"}, Email()),
        (
            {"HEDEF_EMAIL_URL": "locmem://"},
            Email(backend="django.core.mail.backends.locmem.EmailBackend"),
        ),
        (
            {"HEDEF_EMAIL_URL": "smtp://mail%40gov.az:p%40ss@smtp.gov.az:587?tls=1"},
            Email(SMTP, "smtp.gov.az", 587, "mail@gov.az", "p@ss", use_tls=True),
        ),
        (
            {"HEDEF_EMAIL_URL": "smtps://relay.gov.az"},
            Email(SMTP, "relay.gov.az", 465, use_ssl=True),
        ),
        (
            {
                "EMAIL_HOST": "mx.gov.az",
                "EMAIL_PORT": "2525",
                "EMAIL_HOST_USER": "u",
                "EMAIL_HOST_PASSWORD": " secret ",
                "EMAIL_USE_TLS": "yes",
            },
            Email(SMTP, "mx.gov.az", 2525, "u", " secret ", use_tls=True),
        ),
        (
            {"HEDEF_EMAIL_URL": "smtp://a.gov.az", "EMAIL_HOST": "ignored.gov.az"},
            Email(SMTP, "a.gov.az", 25),
        ),
    ],
)
def test_email_settings(environ, expected):
    assert Env(environ).email() == expected


def test_an_unknown_email_scheme_is_refused():
    with pytest.raises(ImproperlyConfigured, match="HEDEF_EMAIL_URL: unknown scheme 'imap'"):
        Env({"HEDEF_EMAIL_URL": "imap://host"}).email()


def test_networks_are_addresses_or_networks():
    env = Env({"P": " 127.0.0.1, 10.0.0.0/8 ,2001:db8::/32, 192.168.1.7/24", "BAD": "proxy.lan"})
    assert env.networks("P") == ["127.0.0.1/32", "10.0.0.0/8", "2001:db8::/32", "192.168.1.0/24"]
    assert env.networks("UNSET") == []
    with pytest.raises(ImproperlyConfigured, match=r"BAD: 'proxy\.lan' is neither an IP address"):
        env.networks("BAD")


# ---- the client address behind a proxy ------------------------------------------------------


def test_a_trusted_proxy_header_needs_the_proxies_that_may_send_it(tmp_path):
    result = run(
        tmp_path,
        "import django; django.setup()",
        DJANGO_SETTINGS_MODULE="hedef.settings.development",
        HEDEF_TRUSTED_PROXY_HEADER="X-Forwarded-For",
    )
    assert refusal(result).startswith(
        "HEDEF_TRUSTED_PROXY_HEADER is set but HEDEF_TRUSTED_PROXIES is not"
    )
    read = run(
        tmp_path,
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.HEDEF_TRUSTED_PROXY_HEADER, s.HEDEF_TRUSTED_PROXIES)",
        DJANGO_SETTINGS_MODULE="hedef.settings.development",
        HEDEF_TRUSTED_PROXY_HEADER="X-Forwarded-For",
        HEDEF_TRUSTED_PROXIES="127.0.0.1, 10.0.0.0/8",
    )
    assert read.stdout.split() == ["X-Forwarded-For", "['127.0.0.1/32',", "'10.0.0.0/8']"], (
        read.stderr
    )
