"""Fill translations into `locale/<lang>/LC_MESSAGES/django.po`, then compile the `.mo`.

    .venv/bin/python scripts/translate.py it translations.json

The JSON maps msgid to msgstr; a key "context|msgid" targets a msgid with that context
(e.g. "URL|agenda/"). A plural entry takes a list [singular, plural]. Entries the file
does not name are left alone. Runs under a lock, as `make messages` does, so that several
people updating the catalogue at once do not overwrite each other's work.
"""

import fcntl
import json
import subprocess
import sys
from pathlib import Path

import polib

LOCALE = Path(__file__).resolve().parent.parent / "locale"


def main(language, source):
    wanted = json.loads(Path(source).read_text())
    po_path = LOCALE / language / "LC_MESSAGES" / "django.po"
    with open(LOCALE / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        catalogue = polib.pofile(str(po_path), wrapwidth=100)
        missing = []
        for key, text in wanted.items():
            context, _, msgid = key.rpartition("|") if "|" in key else (None, "", key)
            entry = catalogue.find(msgid, msgctxt=context or False)
            if entry is None:
                missing.append(key)
                continue
            if isinstance(text, list):
                entry.msgstr_plural = dict(enumerate(text))
            else:
                entry.msgstr = text
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
                entry.previous_msgid = entry.previous_msgctxt = entry.previous_msgid_plural = None
        catalogue.save()
        subprocess.run(
            ["msgfmt", "--check-format", "-o", str(po_path.with_suffix(".mo")), str(po_path)],
            check=True,
        )
    untranslated = [e.msgid for e in catalogue.untranslated_entries()]
    print(f"{language}: {len(wanted) - len(missing)} set; {len(untranslated)} untranslated left")
    for key in missing:
        print(f"  not in the catalogue (run `make messages` first): {key}")


if __name__ == "__main__":
    main(*sys.argv[1:3])
