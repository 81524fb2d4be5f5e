#!/usr/bin/env bash
# Installs the Debian packages the test suite needs (Chromium for the browser tests, Pango/HarfBuzz for WeasyPrint,
# poppler-utils for the PDF tests) when they are missing.
# Needs root (or sudo); without it, says what to install and carries on (browser tests are then skipped locally).
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
fc-list 2>/dev/null | grep -qi "dejavu" || missing+=(fonts-dejavu-core)
# WeasyPrint (the report's PDF) needs Pango and HarfBuzz; the PDF tests use poppler-utils (pdftoppm, pdftotext).
for lib in libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0; do
  dpkg -s "$lib" >/dev/null 2>&1 || missing+=("$lib")
done
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ]; then
  apt_get=(apt-get)
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  apt_get=(sudo apt-get)
else
  echo "Let op: installeer ${missing[*]} (apt-get install ${missing[*]}) voor de browsertests en de PDF-rapportage." >&2
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
"${apt_get[@]}" update -qq
"${apt_get[@]}" install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
