"""Build the offline install bundle: rostercheck-离线安装包-<platform>.zip.

The bureau PCs that hold the rosters have no access to a package index, so the bundle carries the
project's wheel and a wheel of every dependency for the target platform and Python versions, an install
script that makes a virtual environment and installs with ``--no-index``, a launcher and a short Chinese
使用说明. Run it on a machine with internet access:

    python tools/build_bundle.py --platform windows            # Windows x64, Python 3.10–3.12
    python tools/build_bundle.py --platform linux --python 3.11

Dependencies are resolved by pip for the target (``pip install --dry-run --report`` with ``--platform``,
``--python-version``, ``--only-binary=:all:``). pip evaluates environment markers for the machine it runs on,
not for the target, so every resolved package's requirements are re-read with the target's markers
(``colorama; platform_system == "Windows"``, ``tomli; python_version < "3.11"``) and the resolution is repeated
with whatever was missing. The wheels are fetched from the URLs pip chose, checked against their SHA-256
and kept in a cache folder (``--cache``) for the next build.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import urllib.parse
import urllib.request
import zipfile
from dataclasses import dataclass
from pathlib import Path

try:
    from packaging.markers import Marker
    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name
except ImportError:  # pragma: no cover - pip always vendors packaging
    from pip._vendor.packaging.markers import Marker
    from pip._vendor.packaging.requirements import Requirement
    from pip._vendor.packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CACHE = ROOT / ".cache" / "bundle"


@dataclass(frozen=True)
class Target:
    """A platform the bundle is built for.

    Attributes:
        name: the name in the zip's file name.
        pip_platforms: the ``--platform`` tags pip accepts wheels for.
        markers: the environment markers of the target (python_version is added per version).
        wheel_tags: platform tags a wheel for this target may carry (besides 'any').
    """

    name: str
    pip_platforms: tuple[str, ...]
    markers: dict
    wheel_tags: tuple[str, ...]


TARGETS = {
    "windows": Target("windows-x64", ("win_amd64",),
                      {"sys_platform": "win32", "platform_system": "Windows", "os_name": "nt",
                       "platform_machine": "AMD64"}, ("win_amd64",)),
    "linux": Target("linux-x86_64", ("manylinux_2_28_x86_64", "manylinux_2_17_x86_64", "manylinux2014_x86_64",
                                     "manylinux1_x86_64", "linux_x86_64"),
                    {"sys_platform": "linux", "platform_system": "Linux", "os_name": "posix",
                     "platform_machine": "x86_64"}, ("manylinux", "linux_x86_64")),
}
DEFAULT_PYTHONS = {"windows": ("3.10", "3.11", "3.12"), "linux": (f"{sys.version_info[0]}.{sys.version_info[1]}",)}


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def build_wheel(out: Path) -> Path:
    """Build the project's own wheel into ``out``.

    Args:
        out: the folder.
    Returns:
        The wheel.
    """
    out.mkdir(parents=True, exist_ok=True)
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(out), str(ROOT)], check=True)
    wheels = sorted(out.glob("rostercheck-*.whl"), key=lambda p: p.stat().st_mtime)
    return wheels[-1]


def _requires(wheel: Path) -> list[str]:
    """The Requires-Dist lines of a wheel's METADATA (what the resolution depends on)."""
    with zipfile.ZipFile(wheel) as zf:
        meta = next(n for n in zf.namelist() if n.endswith(".dist-info/METADATA"))
        lines = zf.read(meta).decode("utf-8").splitlines()
    return [line for line in lines if line.startswith("Requires-Dist:")]


def _environment(target: Target, python: str) -> dict:
    return {**target.markers, "python_version": python, "python_full_version": python + ".0",
            "implementation_name": "cpython", "platform_python_implementation": "CPython",
            "platform_release": "", "platform_version": "", "extra": ""}


def _pip_report(requirements: list[str], target: Target, python: str, workdir: Path) -> dict:
    report = workdir / "report.json"
    cmd = [sys.executable, "-m", "pip", "install", "--dry-run", "--ignore-installed", "--quiet",
           "--only-binary=:all:", "--implementation", "cp", "--python-version", python,
           "--target", str(workdir / "target"), "--report", str(report)]
    for platform in target.pip_platforms:
        cmd += ["--platform", platform]
    subprocess.run(cmd + requirements, check=True)
    return json.loads(report.read_text(encoding="utf-8"))


def resolve(wheel: Path, target: Target, python: str, cache: Path | None = None) -> list[dict]:
    """Resolve the project wheel's dependencies for one target and Python version (markers for the target).

    Args:
        wheel: the project's wheel.
        target: the platform.
        python: 'X.Y'.
        cache: a folder where the resolution is kept (keyed by the wheel's content and the target).
    Returns:
        pip's report entries: one per wheel to install (the project's own included).
    """
    key = hashlib.sha256("\n".join([*_requires(wheel), target.name, python]).encode()).hexdigest()[:16]
    kept = cache / "reports" / f"{target.name}-py{python}-{key}.json" if cache else None
    if kept and kept.exists():
        return json.loads(kept.read_text(encoding="utf-8"))
    env = _environment(target, python)
    extra: dict[str, str] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(6):
            report = _pip_report([str(wheel), *extra.values()], target, python, Path(tmp))
            items = report["install"]
            have = {canonicalize_name(i["metadata"]["name"]) for i in items}
            missing = {}
            for item in items:
                for text in item["metadata"].get("requires_dist") or []:
                    req = Requirement(text)
                    name = canonicalize_name(req.name)
                    wanted = req.marker is None or any(
                        req.marker.evaluate({**env, "extra": e}) for e in ["", *item.get("requested_extras", [])])
                    if wanted and name not in have and name not in extra:
                        missing[name] = f"{req.name}{''.join(f'[{e}]' for e in sorted(req.extras))}{req.specifier}"
            if not missing:
                break
            log(f"  {target.name} py{python}: pip left out {', '.join(sorted(missing))} (target markers); resolving again")
            extra.update(missing)
        else:
            raise SystemExit("dependency resolution did not settle")
    if kept:
        kept.parent.mkdir(parents=True, exist_ok=True)
        kept.write_text(json.dumps(items), encoding="utf-8")
    return items


def wheel_name(item: dict) -> str:
    """The file name of a report entry's wheel."""
    return urllib.parse.unquote(item["download_info"]["url"].rsplit("/", 1)[-1].split("#")[0])


def fetch(item: dict, cache: Path) -> Path:
    """Return a report entry's wheel from the cache, downloading it (and checking its SHA-256) if needed.

    Args:
        item: the entry.
        cache: the cache folder.
    Returns:
        The cached wheel.
    """
    info = item["download_info"]
    url, name = info["url"], wheel_name(item)
    digest = (info.get("archive_info") or {}).get("hashes", {}).get("sha256")
    path = cache / "wheels" / name
    if path.exists() and (digest is None or hashlib.sha256(path.read_bytes()).hexdigest() == digest):
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".part")
    if url.startswith("file:"):
        shutil.copyfile(urllib.request.url2pathname(urllib.parse.urlparse(url).path), tmp)
    else:
        log(f"  downloading {name}")
        with urllib.request.urlopen(url, timeout=300) as response, tmp.open("wb") as fh:
            shutil.copyfileobj(response, fh)
    if digest and hashlib.sha256(tmp.read_bytes()).hexdigest() != digest:
        tmp.unlink()
        raise SystemExit(f"{name}: SHA-256 does not match the index")
    tmp.replace(path)
    return path


def _crlf(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\n", "\r\n")


# cmd.exe reads .bat files in the console's code page (936 on Chinese Windows): they are written in GBK
# with CRLF, and use no parenthesised blocks around paths (a folder named '… (x86)' would end the block).
INSTALL_BAT = r"""@echo off
setlocal
set "HERE=%~dp0"
set "PY="
for %%V in ({newest_first}) do call :try_py %%V
if not defined PY call :try_python
if not defined PY goto no_python
set "PYVER="
for /f "usebackq delims=" %%v in (`%PY% -c "import sys; print(str(sys.version_info[0]) + '.' + str(sys.version_info[1]))"`) do set "PYVER=%%v"
echo 正在使用 Python %PYVER% 创建运行环境……
%PY% -m venv "%HERE%venv"
if errorlevel 1 goto failed
"%HERE%venv\Scripts\python.exe" -m pip install --no-index --find-links "%HERE%wheels" -c "%HERE%wheels\constraints-py%PYVER%.txt" rostercheck
if errorlevel 1 goto failed
"%HERE%venv\Scripts\python.exe" -m rostercheck --version
if errorlevel 1 goto failed
echo.
echo 安装完成。以后在本文件夹中运行 rostercheck.bat 即可，例如：
echo   rostercheck.bat audit 示例数据 --as-of 2026-09-30 --out 演示结果
pause
exit /b 0

:try_py
if defined PY exit /b 0
py -%1 -c "import sys" >nul 2>&1
if not errorlevel 1 set "PY=py -%1"
exit /b 0

:try_python
python -c "import sys; sys.exit(0 if str(sys.version_info[0]) + '.' + str(sys.version_info[1]) in '{versions}'.split() else 1)" >nul 2>&1
if not errorlevel 1 set "PY=python"
exit /b 0

:no_python
echo 未找到 Python {versions_text}。请先安装其中一个版本（安装时勾选 Add python.exe to PATH），再双击运行本文件。
pause
exit /b 1

:failed
echo 安装失败，请把上面的提示信息截图发给技术支持。
pause
exit /b 1
"""

LAUNCHER_BAT = r"""@echo off
"%~dp0venv\Scripts\python.exe" -m rostercheck %*
exit /b %ERRORLEVEL%
"""

INSTALL_SH = """#!/bin/sh
# Install rostercheck from the wheels beside this script, with no package index.
set -e
HERE=$(cd "$(dirname "$0")" && pwd)
PY="${{PYTHON:-}}"
if [ -z "$PY" ]; then
  for v in {versions}; do
    if command -v "python$v" >/dev/null 2>&1; then PY="python$v"; break; fi
  done
fi
if [ -z "$PY" ] && command -v python3 >/dev/null 2>&1; then
  if python3 -c "import sys; sys.exit(0 if '%d.%d' % sys.version_info[:2] in '{versions}'.split() else 1)"; then PY=python3; fi
fi
if [ -z "$PY" ]; then
  echo "未找到 Python {versions_text}，请先安装（或用 PYTHON=/路径/python3 sh install.sh 指定）。" >&2
  exit 1
fi
PYVER=$("$PY" -c "import sys; print('%d.%d' % sys.version_info[:2])")
"$PY" -m venv "$HERE/venv"
"$HERE/venv/bin/python" -m pip install --no-index --find-links "$HERE/wheels" -c "$HERE/wheels/constraints-py$PYVER.txt" rostercheck
"$HERE/venv/bin/python" -m rostercheck --version
echo "安装完成。以后运行 \\"$HERE/rostercheck\\" 即可，例如（路径含空格时须带引号）："
echo "  \\"$HERE/rostercheck\\" audit \\"$HERE/示例数据\\" --as-of 2026-09-30 --out 演示结果"
"""

LAUNCHER_SH = """#!/bin/sh
HERE=$(cd "$(dirname "$0")" && pwd)
exec "$HERE/venv/bin/python" -m rostercheck "$@"
"""

GUIDE = """rostercheck 低保、特困花名册比对核查工具 —— 离线安装包（{platform}）

一、安装（只需一次，不需要联网）
1. 本机需已安装 Python {versions_text} 中的一个版本（64 位）。
2. 把本压缩包解压到一个固定的文件夹，例如 D:\\rostercheck（路径可含中文和空格）。
3. {install_step}
   安装程序会在本文件夹中建立 venv 子文件夹，所有组件都从 wheels 文件夹安装，不访问网络。

二、使用
1. 把本季度收到的花名册和各部门名单放进同一个文件夹，例如 D:\\2026年第三季度。
2. {run_step}
   工具按表头内容自动识别每个文件是花名册还是哪一类名单，并列出识别结果；
   识别不了或可能是两类的文件，会提示用 --deaths、--staff 等选项明确指定。
3. 结果在 --out 指定的文件夹中：问题清单.xlsx（按类别分表，供乡镇核实）、findings.csv、run.json。
4. 先用附带的“示例数据”试一次：{demo}

三、注意
- 报告写入时如提示“正在被 Excel/WPS 等程序打开”，请关闭该文件后重新运行。
- 查看全部命令和选项：{help}
- 各检查类别的政策依据和判定规则：{explain}
"""


def _versions_text(versions: list[str]) -> str:
    return versions[0] if len(versions) == 1 else f"{versions[0]}–{versions[-1]}"


def bundle_files(target_key: str, versions: list[str]) -> dict[str, tuple[bytes, bool]]:
    """The bundle's scripts and guide: name → (content, executable).

    Args:
        target_key: 'windows' or 'linux'.
        versions: the Python versions the bundle has wheels for.
    Returns:
        The files.
    """
    vt = _versions_text(versions)
    if target_key == "windows":
        guide = GUIDE.format(platform="Windows 64 位", versions_text=vt, install_step="双击“安装.bat”。",
                             run_step="在本文件夹的地址栏输入 cmd 回车，然后运行：\n"
                                      "   rostercheck.bat audit D:\\2026年第三季度 --as-of 2026-09-30 --out D:\\核查结果",
                             demo="rostercheck.bat audit 示例数据 --as-of 2026-09-30 --out 演示结果",
                             help="rostercheck.bat --help", explain="rostercheck.bat explain C03")
        return {
            "安装.bat": (_crlf(INSTALL_BAT.format(versions=" ".join(versions), versions_text=vt,
                                                     newest_first=" ".join(reversed(versions)))).encode("gbk"), False),
            "rostercheck.bat": (_crlf(LAUNCHER_BAT).encode("gbk"), False),
            "使用说明.txt": (b"\xef\xbb\xbf" + _crlf(guide).encode("utf-8"), False),
        }
    guide = GUIDE.format(platform="Linux x86-64", versions_text=vt, install_step="在终端中运行：sh install.sh",
                         run_step="运行：./rostercheck audit ~/2026年第三季度 --as-of 2026-09-30 --out ~/核查结果",
                         demo="./rostercheck audit 示例数据 --as-of 2026-09-30 --out 演示结果",
                         help="./rostercheck --help", explain="./rostercheck explain C03")
    return {
        "install.sh": (INSTALL_SH.format(versions=" ".join(versions), versions_text=vt).encode("utf-8"), True),
        "rostercheck": (LAUNCHER_SH.encode("utf-8"), True),
        "使用说明.txt": (guide.encode("utf-8"), False),
    }


def check_wheels(names: list[str], target_key: str) -> list[str]:
    """Return the wheels that cannot be installed on the target (neither its platform nor 'any').

    Args:
        names: wheel file names.
        target_key: 'windows' or 'linux'.
    Returns:
        The wrong ones.
    """
    tags = TARGETS[target_key].wheel_tags
    wrong = []
    for name in names:
        platform = name[:-4].split("-")[-1]
        if not name.endswith(".whl") or not (platform == "any" or any(platform.startswith(t) for t in tags)):
            wrong.append(name)
    return wrong


def build(target_key: str, versions: list[str], out: Path, cache: Path = DEFAULT_CACHE,
          samples: bool = True, wheel: Path | None = None) -> Path:
    """Build the bundle for a target.

    Args:
        target_key: 'windows' or 'linux'.
        versions: Python versions ('3.10' …).
        out: the folder the zip is written to.
        cache: where downloaded wheels and resolutions are kept.
        samples: include the sample county as 示例数据.
        wheel: the project's wheel (built when None).
    Returns:
        The zip.
    """
    target = TARGETS[target_key]
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        wheel = wheel or build_wheel(Path(tmp) / "own")
        wheels: dict[str, Path] = {wheel.name: wheel}
        pins: dict[str, str] = {}
        for python in versions:
            log(f"resolving for {target.name}, Python {python}")
            items = resolve(wheel, target, python, cache)
            pins[python] = "".join(f"{i['metadata']['name']}=={i['metadata']['version']}\n" for i in items
                                   if canonicalize_name(i["metadata"]["name"]) != "rostercheck")
            for item in items:
                if canonicalize_name(item["metadata"]["name"]) != "rostercheck":
                    path = fetch(item, cache)
                    wheels[path.name] = path
        wrong = check_wheels(sorted(wheels), target_key)
        if wrong:
            raise SystemExit(f"not installable on {target.name}: {', '.join(wrong)}")
        zip_path = out / f"rostercheck-离线安装包-{target.name}.zip"
        part = zip_path.with_suffix(".zip.part")
        top = f"rostercheck-{target.name}"
        with zipfile.ZipFile(part, "w", zipfile.ZIP_DEFLATED) as zf:
            # The exact set resolved for each Python version: the install takes no newer pure-Python
            # release meant for another version (whose own dependencies might differ on this one).
            files = {**bundle_files(target_key, versions),
                     **{f"wheels/constraints-py{v}.txt": (pins[v].encode("utf-8"), False) for v in versions}}
            for name, (data, executable) in files.items():
                info = zipfile.ZipInfo(f"{top}/{name}", date_time=(2026, 1, 1, 0, 0, 0))
                info.external_attr = (0o100755 if executable else 0o100644) << 16
                info.compress_type = zipfile.ZIP_DEFLATED
                zf.writestr(info, data)
            for name, path in sorted(wheels.items()):
                zf.write(path, f"{top}/wheels/{name}", compress_type=zipfile.ZIP_STORED)  # wheels are zips
            if samples:
                county = ROOT / "samples" / "county"
                for path in sorted(county.iterdir()):
                    if path.is_file() and not path.name.startswith("truth"):
                        zf.write(path, f"{top}/示例数据/{path.name}")
        part.replace(zip_path)
    log(f"{zip_path} ({zip_path.stat().st_size / 1e6:.1f} MB, {len(wheels)} wheels)")
    return zip_path


def main(argv: list[str] | None = None) -> int:
    """Command line of the bundle builder."""
    parser = argparse.ArgumentParser(description="Build rostercheck-离线安装包-<platform>.zip")
    parser.add_argument("--platform", choices=sorted(TARGETS), action="append",
                        help="windows (x64) or linux (x86-64); repeat for both (default: windows)")
    parser.add_argument("--python", action="append", help="target Python version, e.g. 3.11; repeatable "
                        "(default: 3.10 3.11 3.12 for windows, the running one for linux)")
    parser.add_argument("--out", type=Path, default=ROOT / "dist", help="output folder (default dist/)")
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE, help="download cache (default .cache/bundle)")
    parser.add_argument("--no-samples", action="store_true", help="leave the sample county out")
    parser.add_argument("--list", action="store_true", help="only resolve and print the wheels, build nothing")
    args = parser.parse_args(argv)
    for key in args.platform or ["windows"]:
        versions = args.python or list(DEFAULT_PYTHONS[key])
        if args.list:
            with tempfile.TemporaryDirectory() as tmp:
                wheel = build_wheel(Path(tmp))
                for python in versions:
                    names = sorted(wheel_name(i) for i in resolve(wheel, TARGETS[key], python, args.cache))
                    print(f"# {TARGETS[key].name} Python {python}", *names, sep="\n")
            continue
        build(key, versions, args.out, args.cache, not args.no_samples)
    return 0


if __name__ == "__main__":
    sys.exit(main())
