"""The offline install bundle (tools/build_bundle.py): it installs and runs with no package index.

These tests need a package index to build the bundle (they skip where none is reachable). Downloads and
resolutions are kept in ROSTERCHECK_BUNDLE_CACHE (default .cache/bundle in the repository), so later runs
only install.
"""

from __future__ import annotations

import os
import subprocess
import sys
import urllib.request
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import build_bundle  # noqa: E402

CACHE = Path(os.environ.get("ROSTERCHECK_BUNDLE_CACHE", build_bundle.DEFAULT_CACHE))
PYTHON = f"{sys.version_info[0]}.{sys.version_info[1]}"


def _index_reachable() -> bool:
    try:
        urllib.request.urlopen("https://pypi.org/simple/pip/", timeout=10).close()
        return True
    except OSError:
        return False


needs_index = pytest.mark.skipif(not _index_reachable(), reason="no package index reachable to build the bundle")


def _offline_env(**extra: str) -> dict:
    """An environment where pip can reach no index: no pip configuration, dead proxies."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PIP_", "PYTHON"))}
    return {**env, "PIP_CONFIG_FILE": os.devnull, "PIP_NO_INDEX": "1", "HTTP_PROXY": "http://127.0.0.1:9",
            "HTTPS_PROXY": "http://127.0.0.1:9", "http_proxy": "http://127.0.0.1:9", "https_proxy": "http://127.0.0.1:9",
            **extra}


@pytest.fixture(scope="module")
def own_wheel(tmp_path_factory):
    return build_bundle.build_wheel(tmp_path_factory.mktemp("wheel"))


@needs_index
def test_linux_bundle_installs_and_runs_without_an_index(own_wheel, tmp_path):
    zip_path = build_bundle.build("linux", [PYTHON], tmp_path / "dist", CACHE, wheel=own_wheel)
    assert zip_path.name == "rostercheck-离线安装包-linux-x86_64.zip"
    place = tmp_path / "单位 电脑"  # a path with a space and Chinese characters
    with zipfile.ZipFile(zip_path) as zf:
        names = zf.namelist()
        zf.extractall(place)
    top = place / "rostercheck-linux-x86_64"
    assert {"install.sh", "rostercheck", "使用说明.txt"} <= {Path(n).name for n in names}
    assert any(n.endswith(f"constraints-py{PYTHON}.txt") for n in names)
    env = _offline_env(PYTHON=sys.executable)
    done = subprocess.run(["sh", str(top / "install.sh")], env=env, capture_output=True, timeout=1200)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")[-3000:]
    version = subprocess.run(["sh", str(top / "rostercheck"), "--version"], env=env, capture_output=True, timeout=120)
    assert version.returncode == 0 and version.stdout.decode().strip() == "rostercheck 0.1.0"
    # the installed copy carries its checks and reads the bundled sample folder
    out = tmp_path / "结果"
    audit = subprocess.run(["sh", str(top / "rostercheck"), "audit", str(top / "示例数据"), "--as-of", "2026-09-30",
                            "--out", str(out)], env=env, capture_output=True, timeout=600)
    assert audit.returncode == 0, audit.stderr.decode("utf-8", "replace")[-3000:]
    assert (out / "问题清单.xlsx").exists() and "共 " in audit.stdout.decode()


@needs_index
@pytest.mark.parametrize("python", ["3.10", "3.11", "3.12"])
def test_windows_bundle_has_a_win_amd64_or_pure_wheel_for_every_dependency(own_wheel, python):
    items = build_bundle.resolve(own_wheel, build_bundle.TARGETS["windows"], python, CACHE)
    names = [build_bundle.wheel_name(i) for i in items]
    assert build_bundle.check_wheels(names, "windows") == []
    got = {build_bundle.canonicalize_name(i["metadata"]["name"]) for i in items}
    # every dependency the project declares for this Windows Python, and the ones pip leaves out when it
    # evaluates markers for the machine it runs on (click's colorama on Windows, tomli before 3.11)
    wanted = {"typer", "rich", "pandas", "numpy", "python-calamine", "duckdb", "pyarrow", "openpyxl", "xlsxwriter",
              "rapidfuzz", "pypinyin", "opencc-python-reimplemented", "colorama"}
    if python == "3.10":
        wanted.add("tomli")
    assert wanted <= got, wanted - got
    assert any(n.endswith("-win_amd64.whl") for n in names if n.startswith("pandas-"))


def test_check_wheels_refuses_other_platforms():
    names = ["pandas-2.3.3-cp310-cp310-win_amd64.whl", "rich-15.0.0-py3-none-any.whl",
             "numpy-2.2.6-cp310-cp310-manylinux_2_17_x86_64.whl", "foo-1.0.tar.gz", "bar-1-cp310-cp310-win32.whl"]
    assert build_bundle.check_wheels(names, "windows") == names[2:]
    assert build_bundle.check_wheels(names[1:3], "linux") == []


def test_windows_scripts_are_gbk_with_crlf_and_name_the_versions():
    files = build_bundle.bundle_files("windows", ["3.10", "3.11", "3.12"])
    assert set(files) == {"安装.bat", "rostercheck.bat", "使用说明.txt"}
    bat = files["安装.bat"][0]
    text = bat.decode("gbk")  # cmd.exe on Chinese Windows reads batch files in code page 936
    assert "\r\n" in text and "\n" not in text.replace("\r\n", "")
    assert "--no-index" in text and "constraints-py%PYVER%.txt" in text and "3.12 3.11 3.10" in text
    assert files["使用说明.txt"][0].startswith(b"\xef\xbb\xbf")  # Notepad opens UTF-8 with a BOM
