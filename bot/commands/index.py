"""tender-coach index: add, list and remove a council's own documents."""

from __future__ import annotations

import sys

from bot.errors import EXIT_FAILURE, EXIT_OK, UsageError
from bot.progress import ProgressBar


def add_parser(sub) -> None:
    p = sub.add_parser(
        "index",
        help="add your own policies and past tenders to what `ask` searches; list or remove them",
        description=(
            "Index your own documents (.md, .txt, .docx, .pdf, or folders of them) so that `ask` can quote them "
            "as 'your documents'. Re-indexing an unchanged file does no work; a changed file is updated and a "
            "deleted file is dropped. Exit code 0: all indexed; 2: a file could not be indexed, or a failure."
        ),
    )
    p.add_argument("paths", nargs="*", metavar="PATH", help="files or folders to index")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--list", action="store_true", help="list your indexed documents")
    group.add_argument(
        "--remove", metavar="PATH_OR_ID", help="remove one of your documents (by path or by the id --list shows)"
    )
    group.add_argument("--rebuild", action="store_true", help="rebuild the built-in guidance index from scratch")
    p.add_argument(
        "--follow-links", action="store_true",
        help="also index files that symbolic links inside the folders point to outside them (default: skip them)",
    )
    p.set_defaults(run=run)


def run(args) -> int:
    from knowledge import indexing

    if (args.list or args.remove or args.rebuild) and args.paths:
        raise UsageError("give either paths to index or one of --list, --remove, --rebuild, not both")
    if args.list:
        docs = indexing.list_documents()
        if not docs:
            print("No documents of your own are indexed yet. Add some with: tender-coach index PATH...")
        for doc in docs:
            state = "" if doc.complete else "  INCOMPLETE: indexing was stopped; run `tender-coach index` to finish it"
            print(f"{doc.doc_id}  {doc.chunks} chunks  indexed {doc.indexed_at}  {doc.title}{state}\n    {doc.path}")
        return EXIT_OK
    if args.remove:
        doc = indexing.remove_document(args.remove)
        print(f"Removed {doc.title} ({doc.doc_id}, {doc.chunks} chunks).")
        return EXIT_OK
    bar = ProgressBar(sys.stderr)
    if args.rebuild:
        bar.start("built-in guidance")
        stats = indexing.rebuild_guidance(on_progress=bar.update)
        bar.finish()
        print(f"Rebuilt the built-in guidance index: {stats.embedded} chunks embedded.")
        return EXIT_OK
    if not args.paths:
        raise UsageError("give files or folders to index, or use --list, --remove or --rebuild (see --help)")

    def done(result) -> None:
        if result.ok:
            s = result.stats
            print(
                f"  indexed {result.path}: {s.embedded} chunks embedded, {s.updated + s.unchanged} unchanged"
                + (f", {s.removed} removed" if s.removed else "")
                + (" (finished what an interrupted run had left half-indexed)" if result.resumed else ""),
                file=sys.stderr,
            )
        else:
            print(f"  failed  {result.error}", file=sys.stderr)

    skipped = []  # links not followed, and pipes, sockets or devices that are not files

    def skip(item) -> None:
        skipped.append(item)
        print(f"  skipped {item.path}: {item.reason}", file=sys.stderr)

    def reading(n: int, total: int, _path) -> None:
        if bar.label != "reading":
            bar.start("reading", f"{total:,} files")
        bar.update(n / total)

    def embedding(done: int, total: int) -> None:
        if bar.label != "embedding":
            bar.finish()
            bar.start("embedding", f"{total:,} new or changed chunks")
        bar.update(done / total)

    try:
        results, pruned = indexing.index_documents(
            args.paths, follow_links=args.follow_links, on_skip=skip, on_read=reading, on_progress=embedding,
        )
    finally:
        bar.finish()
    for result in results:
        done(result)
    for doc in pruned:
        print(f"  removed {doc.title} ({doc.doc_id}): its file {doc.path} no longer exists", file=sys.stderr)
    failed = [r for r in results if not r.ok]
    if not results:
        raise UsageError("no .md, .txt, .docx or .pdf files found in " + ", ".join(args.paths)
                         + (f"; some {_skipped_noun(skipped)} were skipped (see above)" if skipped else ""))
    chunks = sum(r.stats.embedded + r.stats.updated + r.stats.unchanged for r in results if r.ok)
    print(
        f"Indexed {len(results) - len(failed)} of {len(results)} files ({chunks:,} chunks)"
        + (f"; {len(failed)} failed" if failed else "")
        + (f"; {len(skipped)} {_skipped_noun(skipped)} skipped (see above)" if skipped else "")
        + "."
    )
    return EXIT_FAILURE if failed else EXIT_OK


def _skipped_noun(skipped) -> str:
    return "links" if all(item.link for item in skipped) else "paths"
