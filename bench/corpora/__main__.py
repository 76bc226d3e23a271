"""What corpora are there, and dumps of them.

    python -m bench.corpora                      # each corpus: documents and spans by label
    python -m bench.corpora --dump OUT.txt --corpus nerel-test [--corpus kaznerd-test ...]

A dump holds corpus text: OUT must be outside the repository (``newswire parse OUT.txt``).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from bench.corpora import CORPORA, ROOT, Unavailable, available, load, parse_selection
from bench.corpora.dump import DumpError, write_dump


def describe() -> None:
    for name, corpus in CORPORA.items():
        reason = available(corpus)
        if reason is not None:
            print(f"{name}: skipped: {reason}")
            continue
        for split in corpus.SPLITS:
            documents = load(name, split)
            labels = Counter(s.label for d in documents for s in d.spans)
            relations = sum(len(d.relations) for d in documents)
            shown = ", ".join(f"{label} {count}" for label, count in labels.most_common(8))
            print(
                f"{name}-{split} ({corpus.LANGUAGE}): {len(documents)} documents, "
                f"{relations} role relations; {shown}"
            )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dump", type=Path, metavar="OUT", help="write a dump here")
    parser.add_argument(
        "--corpus",
        action="append",
        default=[],
        metavar="NAME-SPLIT",
        help="what goes into the dump: nerel-test, kaznerd-dev, conllpp-test... (repeatable)",
    )
    args = parser.parse_args()
    if args.dump is None:
        describe()
        return 0
    if not args.corpus:
        parser.error("--dump needs at least one --corpus")
    documents = []
    try:
        for selection in args.corpus:
            documents += load(*parse_selection(selection))
        count = write_dump(documents, args.dump, ROOT)
    except (Unavailable, ValueError, DumpError) as exc:
        print(f"bench.corpora: {exc}", file=sys.stderr)
        return 1
    print(f"{count} articles written to {args.dump}; time it with: newswire parse {args.dump}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
