#!/usr/bin/env python3
"""Build, stage and deploy the EO Explorer QGIS plugin.

    python .ci/package.py build  [--dist DIR]      -> DIR/eo_explorer-<version>.zip
    python .ci/package.py stage  DEST              -> plugin files copied into DEST/
    python .ci/package.py deploy [--profile NAME]  -> copy into a QGIS profile + enable it
    python .ci/package.py version                  -> print version from metadata.txt

The plugin layout (zip top-level folder / installed folder ``eo_explorer``):

    eo_explorer/metadata.txt, __init__.py, README.md, LICENSE (if present)
    eo_explorer/plugin/**      (no __pycache__, *.pyc)
    eo_explorer/ui/**
    eo_explorer/resources/**   (without resources/sandbox: test data only)
    eo_explorer/i18n/*.qm      (compiled with lrelease from i18n/*.ts)

Nothing from tests/ is ever included. Standard library only (runs with any python3).
"""

from __future__ import annotations

import argparse
import fnmatch
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLUGIN_NAME = "eo_explorer"
DEFAULT_PROFILE = "eo-explorer"

REQUIRED_FILES = ["metadata.txt", "__init__.py"]
REQUIRED_DIRS = ["plugin"]
OPTIONAL_DIRS = ["ui", "resources"]
OPTIONAL_FILES = ["README.md", "LICENSE", "LICENSE.txt", "LICENSE.md", "CHANGELOG.md"]
# Paths relative to ROOT that must never be shipped.
EXCLUDED_PATHS = {"resources/sandbox", "resources/screenshots"}
# File / directory name patterns never shipped, wherever they are.
EXCLUDED_NAMES = [
    "__pycache__",
    "*.pyc",
    "*.pyo",
    ".*",  # .gitkeep, .DS_Store, editor swap files, ...
    "*~",
    "*.orig",
    "*.rej",
    "Thumbs.db",
]
# metadata.txt keys the QGIS plugin repository insists on.
METADATA_REQUIRED = ["name", "qgisMinimumVersion", "description", "version", "author", "email"]


class PackagingError(Exception):
    pass


def info(msg: str) -> None:
    print(f"[package] {msg}", flush=True)


def warn(msg: str) -> None:
    print(f"[package] WARNING: {msg}", file=sys.stderr, flush=True)


# --------------------------------------------------------------------- metadata
def read_metadata(root: Path = ROOT) -> dict[str, str]:
    path = root / "metadata.txt"
    if not path.is_file():
        raise PackagingError(
            f"{path} is missing: the plugin needs a metadata.txt with a [general] section "
            "(name, version, qgisMinimumVersion, description, author, email)."
        )
    values: dict[str, str] = {}
    section = None
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1].strip().lower()
            continue
        if section in (None, "general") and "=" in line:
            key, _, value = line.partition("=")
            values.setdefault(key.strip(), value.strip())
    return values


def plugin_version(root: Path = ROOT) -> str:
    meta = read_metadata(root)
    version = meta.get("version", "")
    if not version:
        raise PackagingError(f"no 'version=' line in {root / 'metadata.txt'} [general]")
    if not re.fullmatch(r"[0-9A-Za-z][0-9A-Za-z.+_-]*", version):
        raise PackagingError(f"version {version!r} in metadata.txt is not usable in a file name")
    return version


def check_sources(root: Path = ROOT) -> None:
    problems = []
    for name in REQUIRED_FILES:
        if not (root / name).is_file():
            problems.append(f"missing file {name}")
    for name in REQUIRED_DIRS:
        if not (root / name).is_dir():
            problems.append(f"missing directory {name}/ (all plugin Python code lives there)")
    if problems:
        raise PackagingError(
            "cannot package the plugin from " + str(root) + ":\n  - " + "\n  - ".join(problems)
        )
    meta = read_metadata(root)
    missing = [key for key in METADATA_REQUIRED if not meta.get(key)]
    if missing:
        warn(f"metadata.txt lacks {', '.join(missing)} (required by the QGIS plugin repository)")
    if not re.search(r"^def classFactory\(", (root / "__init__.py").read_text("utf-8"), re.M):
        warn("__init__.py does not define classFactory(iface): QGIS will not load the plugin")
    if not (root / "README.md").is_file():
        warn("README.md is missing: the package will ship without it")
    if not any((root / "plugin").rglob("*.py")):
        warn("plugin/ contains no .py files yet")


# --------------------------------------------------------------------- staging
def _excluded(rel: str) -> bool:
    if rel in EXCLUDED_PATHS or any(rel.startswith(p + "/") for p in EXCLUDED_PATHS):
        return True
    return any(fnmatch.fnmatch(part, pat) for part in rel.split("/") for pat in EXCLUDED_NAMES)


def iter_plugin_files(root: Path = ROOT):
    """Yield (source path, path relative to the plugin folder) for every shipped file."""
    for name in REQUIRED_FILES + OPTIONAL_FILES:
        if (root / name).is_file():
            yield root / name, name
    for top in REQUIRED_DIRS + OPTIONAL_DIRS:
        base = root / top
        if not base.is_dir():
            continue
        for dirpath, dirnames, filenames in os.walk(base, followlinks=True):
            rel_dir = Path(dirpath).relative_to(root).as_posix()
            dirnames[:] = sorted(d for d in dirnames if not _excluded(f"{rel_dir}/{d}"))
            for fname in sorted(filenames):
                rel = f"{rel_dir}/{fname}"
                if not _excluded(rel):
                    yield Path(dirpath) / fname, rel


def find_lrelease() -> str | None:
    candidates = [
        os.environ.get("LRELEASE"),
        "lrelease",
        "lrelease-qt5",
        "/usr/lib/qt5/bin/lrelease",
    ]
    for cand in candidates:
        if cand and shutil.which(cand):
            return shutil.which(cand)
    return None


def compile_translations(dest_i18n: Path, root: Path = ROOT) -> list[Path]:
    ts_files = sorted((root / "i18n").glob("*.ts"))
    if not ts_files:
        return []
    lrelease = find_lrelease()
    if not lrelease:
        raise PackagingError(
            "lrelease not found (apt-get install qttools5-dev-tools) but i18n/*.ts exist"
        )
    dest_i18n.mkdir(parents=True, exist_ok=True)
    out = []
    for ts in ts_files:
        qm = dest_i18n / (ts.stem + ".qm")
        proc = subprocess.run(
            [lrelease, "-silent", str(ts), "-qm", str(qm)],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        if proc.returncode != 0 or not qm.is_file():
            raise PackagingError(f"lrelease failed on {ts}:\n{proc.stdout}")
        out.append(qm)
    return out


def stage(dest: Path, root: Path = ROOT) -> list[str]:
    """Create dest/ (replacing it) with the plugin layout; return relative paths."""
    check_sources(root)
    dest = dest.absolute()
    protected = [root / d for d in (*REQUIRED_DIRS, *OPTIONAL_DIRS, "i18n", "tests", ".git")]
    if (
        dest == root
        or dest in root.parents
        or any(dest == p or p in dest.parents for p in protected)
    ):
        raise PackagingError(f"refusing to stage into {dest} (would overwrite sources)")
    if dest.is_symlink() or dest.is_file():
        dest.unlink()
    elif dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    files = []
    for src, rel in iter_plugin_files(root):
        target = dest / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(src, target)
        files.append(rel)
    for qm in compile_translations(dest / "i18n", root):
        files.append(qm.relative_to(dest).as_posix())
    return sorted(files)


# --------------------------------------------------------------------- build zip
def build(dist: Path, root: Path = ROOT) -> Path:
    version = plugin_version(root)
    dist = dist if dist.is_absolute() else root / dist
    dist.mkdir(parents=True, exist_ok=True)
    zip_path = dist / f"{PLUGIN_NAME}-{version}.zip"
    with tempfile.TemporaryDirectory(prefix="eo-package-") as tmp:
        staged = Path(tmp) / PLUGIN_NAME
        files = stage(staged, root)
        tmp_zip = zip_path.with_suffix(".zip.part")
        with zipfile.ZipFile(tmp_zip, "w", zipfile.ZIP_DEFLATED) as zf:
            for rel in files:
                zf.write(staged / rel, f"{PLUGIN_NAME}/{rel}")
        tmp_zip.replace(zip_path)
    verify_zip(zip_path)
    size_kb = zip_path.stat().st_size / 1024
    info(
        f"built {zip_path.relative_to(root) if root in zip_path.parents else zip_path} "
        f"({len(files)} files, {size_kb:.0f} KiB)"
    )
    return zip_path


def verify_zip(zip_path: Path) -> None:
    with zipfile.ZipFile(zip_path) as zf:
        names = zf.namelist()
    bad = [n for n in names if not n.startswith(PLUGIN_NAME + "/")]
    bad += [
        n
        for n in names
        if n.startswith((f"{PLUGIN_NAME}/tests/", f"{PLUGIN_NAME}/resources/sandbox/"))
        or "__pycache__" in n
        or n.endswith(".pyc")
    ]
    for required in REQUIRED_FILES:
        if f"{PLUGIN_NAME}/{required}" not in names:
            bad.append(f"(missing) {PLUGIN_NAME}/{required}")
    if bad:
        raise PackagingError(f"{zip_path} has unexpected content: {bad[:10]}")


# --------------------------------------------------------------------- deploy
def set_ini_value(ini: Path, section: str, key: str, value: str) -> bool:
    """Set key=value in [section] of a QSettings ini file by line editing.

    Every other line (other sections, other keys, comments, ordering) is kept
    as is. Returns True if the file changed.
    """
    text = ini.read_text(encoding="utf-8") if ini.is_file() else ""
    lines = text.splitlines()
    header = f"[{section}]"
    new_line = f"{key}={value}"
    start = next((i for i, ln in enumerate(lines) if ln.strip() == header), None)
    if start is None:
        if lines and lines[-1].strip():
            lines.append("")
        lines += [header, new_line]
    else:
        end = next(
            (i for i in range(start + 1, len(lines)) if lines[i].strip().startswith("[")),
            len(lines),
        )
        key_re = re.compile(rf"^\s*{re.escape(key)}\s*=")
        hits = [i for i in range(start + 1, end) if key_re.match(lines[i])]
        if hits:
            lines[hits[0]] = new_line
            for i in reversed(hits[1:]):
                del lines[i]
        else:
            insert_at = end
            while insert_at > start + 1 and not lines[insert_at - 1].strip():
                insert_at -= 1
            lines.insert(insert_at, new_line)
    new_text = "\n".join(lines) + "\n"
    if new_text == text:
        return False
    ini.parent.mkdir(parents=True, exist_ok=True)
    tmp = ini.with_name(ini.name + ".tmp")
    tmp.write_text(new_text, encoding="utf-8")
    tmp.replace(ini)
    return True


def deploy(profile: str, profiles_root: Path, root: Path = ROOT) -> Path:
    profile_dir = profiles_root / profile
    target = profile_dir / "python" / "plugins" / PLUGIN_NAME
    files = stage(target, root)
    info(f"deployed {len(files)} files to {target}")
    ini = profile_dir / "QGIS" / "QGIS3.ini"
    changed = set_ini_value(ini, "PythonPlugins", PLUGIN_NAME, "true")
    state = "enabled" if changed else "already enabled"
    info(f"{state}: [PythonPlugins] {PLUGIN_NAME}=true in {ini}")
    info(f"start QGIS with: qgis --profile {profile}")
    return target


# --------------------------------------------------------------------- CLI
def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    sub = parser.add_subparsers(dest="cmd", required=True)
    p_build = sub.add_parser("build", help="build dist/eo_explorer-<version>.zip")
    p_build.add_argument("--dist", type=Path, default=Path("dist"))
    p_stage = sub.add_parser("stage", help="copy the plugin layout into DEST (replaced)")
    p_stage.add_argument("dest", type=Path)
    p_deploy = sub.add_parser("deploy", help="install into a QGIS profile and enable it")
    p_deploy.add_argument("--profile", default=os.environ.get("QGIS_PROFILE", DEFAULT_PROFILE))
    p_deploy.add_argument(
        "--profiles-root",
        type=Path,
        default=Path(
            os.environ.get(
                "QGIS_PROFILES_ROOT",
                Path.home() / ".local" / "share" / "QGIS" / "QGIS3" / "profiles",
            )
        ),
    )
    sub.add_parser("version", help="print the version from metadata.txt")
    args = parser.parse_args(argv)

    try:
        if args.cmd == "build":
            build(args.dist)
        elif args.cmd == "stage":
            files = stage(args.dest)
            info(f"staged {len(files)} files in {args.dest}")
        elif args.cmd == "deploy":
            deploy(args.profile, args.profiles_root)
        elif args.cmd == "version":
            print(plugin_version())
    except PackagingError as exc:
        print(f"[package] ERROR: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
