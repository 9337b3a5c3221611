# Writes data/unicode-names.txt.gz: "NAME<TAB>hex code point" for every named character of the
# Unicode database of the running CPython, except the ones whose names are computed
# (CJK UNIFIED IDEOGRAPH-XXXX, HANGUL SYLLABLE ...), which the parser derives itself.
import gzip
import os
import sys
import unicodedata

lines = []
for code in range(sys.maxunicode + 1):
    name = unicodedata.name(chr(code), None)
    if name is None or name.startswith(("CJK UNIFIED IDEOGRAPH-", "HANGUL SYLLABLE ")):
        continue
    lines.append(f"{name}\t{code:x}")
out = os.path.join(os.path.dirname(__file__), "..", "data", "unicode-names.txt.gz")
# mtime=0 keeps the file byte-for-byte reproducible.
with open(out, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0) as f:
    f.write(("\n".join(lines) + "\n").encode("ascii"))
print(f"{len(lines)} names, unicodedata {unicodedata.unidata_version}")
