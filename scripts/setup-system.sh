#!/usr/bin/env bash
# Installs the operating-system tools oit relies on, skipping what is already present.
# Debian/Ubuntu only (apt-get). Safe to run repeatedly; works as root without sudo.
set -euo pipefail

want_pkgs=()
need() { # need <debian-package> <command-or-path-that-proves-it-is-installed>
  if [ -e "$2" ] || command -v "$2" >/dev/null 2>&1; then return 0; fi
  want_pkgs+=("$1")
}

need chromium /usr/bin/chromium
need poppler-utils pdftotext
need tesseract-ocr tesseract
need fonts-thai-tlwg /usr/share/fonts/truetype/tlwg
# PostgreSQL server binaries (initdb, pg_ctl) for the PostgreSQL store tests; Debian puts them in a
# versioned folder, /usr/lib/postgresql/<major>/bin, so look for any version.
if ! compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null; then want_pkgs+=(postgresql); fi
if command -v tesseract >/dev/null 2>&1 && ! tesseract --list-langs 2>/dev/null | grep -qx tha; then
  want_pkgs+=(tesseract-ocr-tha)
elif ! command -v tesseract >/dev/null 2>&1; then
  want_pkgs+=(tesseract-ocr-tha)
fi

if [ ${#want_pkgs[@]} -eq 0 ]; then
  echo "setup-system: all system packages present"
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "setup-system: missing ${want_pkgs[*]} and no apt-get here; install them with your package manager" >&2
  exit 1
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "setup-system: need root to install ${want_pkgs[*]}" >&2; exit 1
  fi
fi

echo "setup-system: installing ${want_pkgs[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${want_pkgs[@]}" >/dev/null
echo "setup-system: done"
