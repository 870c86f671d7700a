"""The `monitor` command: the contract's commands, known errors as one line."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from monitor.article_file import load_articles
from monitor.config import ConfigError, load_cases
from monitor.store.db import DatabaseError, connect, current_revision, head_revision, upgrade
from monitor.store.events import ConcurrencyError, IdempotencyConflict

Handler = Callable[[argparse.Namespace], int]


class UsageError(Exception):
    """A wrong command or bad input: reported as one line, exit status 2."""


def _app(args: argparse.Namespace) -> Any:
    from monitor.bootstrap import bootstrap
    from monitor.config import parse_config

    paths = getattr(args, "review_config", None)
    review = parse_config([Path(p) for p in paths]).review.policy if paths else None
    return bootstrap(getattr(args, "db", None), review=review)


def _json(value: Any, **kw: Any) -> str:
    """JSON for stdout: as UTF-8 where stdout takes it, else escaped (a non-UTF-8 locale would
    otherwise end the run at the first name in another script)."""
    utf8 = (sys.stdout.encoding or "").lower().replace("-", "").replace("_", "") == "utf8"
    return json.dumps(value, ensure_ascii=not utf8, **kw)


def _print_json(value: Any) -> None:
    print(_json(value, indent=1))


def _table(rows: list[dict[str, Any]], columns: Sequence[str]) -> None:
    """A plain aligned table for people; `--json` is for programs."""
    cells = [[("" if r.get(c) is None else str(r.get(c))) for c in columns] for r in rows]
    widths = [max([len(c), *(len(row[i]) for row in cells)]) for i, c in enumerate(columns)]
    widths = [min(w, 60) for w in widths]
    print("  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip())
    for row in cells:
        print("  ".join(v[:w].ljust(w) for v, w in zip(row, widths, strict=True)).rstrip())


def _output(args: argparse.Namespace, rows: list[dict[str, Any]], columns: Sequence[str]) -> None:
    """`--json` for programs, an aligned table for people."""
    if getattr(args, "json", False):
        _print_json(rows)
    else:
        _table(rows, columns)


@contextlib.contextmanager
def _opened(args: argparse.Namespace) -> Iterator[Any]:
    """The wired app for one command, closed however the command ends."""
    app = _app(args)
    try:
        yield app
    finally:
        app.close()


def _db_upgrade(args: argparse.Namespace) -> int:
    db = connect(args.db, migrate=False)
    try:
        ran = upgrade(db)
        print(f"database at {current_revision(db)} ({'upgraded' if ran else 'already current'})")
    finally:
        db.dispose()
    return 0


def _db_current(args: argparse.Namespace) -> int:
    db = connect(args.db, migrate=False)
    try:
        print(f"current {current_revision(db)}, head {head_revision(db)}")
    finally:
        db.dispose()
    return 0


def _db_grant(args: argparse.Namespace) -> int:
    from monitor.store.roles import grant_daemon_role

    db = connect(args.db)
    try:
        statements = grant_daemon_role(db, args.role)
    finally:
        db.dispose()
    print(
        f"granted {args.role} the daemon's rights ({len(statements)} grants); it owns nothing, "
        "so it cannot alter the schema or disable the append-only triggers"
    )
    return 0


def _extract(args: argparse.Namespace) -> int:
    from monitor.classify.extract import Classifier
    from monitor.pipeline import classify_each

    classifier = Classifier(load_cases(Path(args.cases)))
    articles = _checked_articles(Path(args.articles))
    # As in the daemon, an article the classifier fails on is that article's alone: it is
    # named on stderr and the others are still read.
    ids: set[str] = set()
    printed: set[tuple[str, str, str, str | None]] = set()
    for article in articles:
        if article.id in ids:
            # (the contract's one line per distinct case, type and date holds per id)
            print(f"monitor: warning: article id {article.id} appears again", file=sys.stderr)
        ids.add(article.id)
        [found] = classify_each(classifier, [article])  # (one at a time: the output streams)
        if isinstance(found, str):
            warning = f"monitor: warning: article {article.id}: not classified: {found}"
            print(warning, file=sys.stderr)
            continue
        for dev in found:
            key = (article.id, dev.case, dev.type.value, dev.date.iso() if dev.date else None)
            if key in printed:
                continue
            printed.add(key)
            line: dict[str, Any] = {
                "article": article.id,
                "case": dev.case,
                "type": dev.type.value,
                "date": dev.date.iso() if dev.date else None,
                "evidence": dev.evidence,
                "confidence": dev.confidence,
                "rule": dev.rule,
            }
            if dev.outcome:
                line["outcome"] = dev.outcome
            if dev.detail:
                line["detail"] = dev.detail
            print(_json(line))
    return 0


def _cases_import(args: argparse.Namespace) -> int:
    from monitor.ingest import import_cases

    book = load_cases(Path(args.file))
    with _opened(args) as app:
        result = import_cases(app.store, book)
        app.project()
    print(f"{result.cases} cases, {result.groups} groups: {result.appended} events appended")
    return 0


def _checked_articles(path: Path) -> list[Any]:
    """The file's articles, all lines checked before any is used; cuts are warned about."""
    loaded = load_articles(path)
    for warning in loaded.warnings:
        print(f"monitor: warning: {warning}", file=sys.stderr)
    return loaded.articles


def _ingest(args: argparse.Namespace) -> int:
    articles = _checked_articles(Path(args.articles))
    with _opened(args) as app:
        result = app.ingest(articles, backfill=args.backfill)
    for article_id, problem in result.failed:
        print(f"monitor: error: article {article_id!r} not stored: {problem}", file=sys.stderr)
    print(
        f"{result.articles} articles ({result.new_articles} new, {result.duplicates} seen before): "
        f"{result.developments_found} developments found, {result.events_appended} events appended"
        + (f", {len(result.failed)} failed" if result.failed else "")
    )
    return 1 if result.failed else 0


def _parse_day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _status(args: argparse.Namespace) -> int:
    from monitor.projections.reports import current_status, status_as_of

    with _opened(args) as app:
        app.project()
        with app.db.read() as conn:
            if args.as_of:
                rows = status_as_of(conn, _parse_day(args.as_of))
            else:
                rows = current_status(conn)
    _output(
        args,
        rows,
        [
            "case",
            "status",
            "status_date",
            "last_development",
            "last_development_date",
            "days_held",
            "last_consular_visit",
            "proposals",
        ],
    )
    return 0


def _timeline(args: argparse.Namespace) -> int:
    from monitor.projections.reports import current_status, timeline

    with _opened(args) as app:
        app.project()
        with app.db.read() as conn:
            rows = timeline(conn, args.key)
            known = any(r["case"] == args.key for r in current_status(conn))
    if not known:
        raise UsageError(f"no case {args.key!r} (see `monitor status`)")
    _output(args, rows, ["date", "type", "outcome", "detail", "sources", "evidence"])
    return 0


def _rebuild(args: argparse.Namespace) -> int:
    with _opened(args) as app:
        n = app.rebuild()
    print(f"projections rebuilt from {n} events")
    return 0


def _retract(args: argparse.Namespace) -> int:
    from monitor.ingest import UnknownDevelopment, retract

    with _opened(args) as app:
        try:
            n = retract(app.store, args.key, args.development, args.reason)
        except UnknownDevelopment as exc:
            raise UsageError(str(exc)) from None
        app.project()
    print("retracted" if n else "already retracted")
    return 0


def _config_check(args: argparse.Namespace) -> int:
    from monitor.config import checked, parse_config
    from monitor.daemon import default_config_paths
    from monitor.ingest import load_book

    paths = [Path(p) for p in args.config] or default_config_paths()
    config = parse_config(paths)
    with _opened(args) as app, app.db.read() as conn:
        config = checked(config, stored=load_book(conn))
    print(
        f"ok: {len(paths)} files, {len(config.book.cases)} cases, {len(config.feeds)} feeds, "
        f"{len(config.subscriptions)} subscriptions"
    )
    return 0


def _feeds(args: argparse.Namespace) -> int:
    from monitor.config import checked, parse_config
    from monitor.daemon import default_config_paths
    from monitor.ingest import load_book
    from monitor.polling import feed_rows, sync_feeds, utcnow

    config = parse_config([Path(p) for p in args.config] or default_config_paths())
    with _opened(args) as app:
        with app.db.read() as conn:
            config = checked(config, stored=load_book(conn))
        sync_feeds(app.db, config.feeds, utcnow())
        rows = feed_rows(app.db)
    _output(
        args,
        rows,
        [
            "name",
            "interval",
            "last_fetch_at",
            "last_status",
            "consecutive_errors",
            "next_due_at",
            "last_error",
        ],
    )
    return 0


def _subscriptions(args: argparse.Namespace) -> int:
    from monitor.alerts.subscriptions import subscription_rows, sync_subscriptions
    from monitor.config import checked, parse_config
    from monitor.ingest import load_book

    # Without --config this only lists: the shipped defaults name no subscriptions, and
    # following them would remove every stored one.
    config = parse_config([Path(p) for p in args.config]) if args.config else None
    with _opened(args) as app:
        if config is not None:
            with app.db.read() as conn:
                config = checked(config, stored=load_book(conn))
            with app.db.write() as conn:
                sync_subscriptions(conn, config.subscriptions, dt.datetime.now(dt.UTC))
        with app.db.read() as conn:
            rows = subscription_rows(conn)
    if not args.all:
        rows = [r for r in rows if r["state"] == "active"]
    if not args.json:
        for row in rows:
            row["cases"], row["on"] = ",".join(row["cases"]), ",".join(row["on"])
    _output(args, rows, ["id", "state", "channel", "target", "cases", "on", "pending_alerts"])
    return 0


def _run(args: argparse.Namespace) -> int:
    # SIGTERM before the daemon is up (while importing) is a clean exit too.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    from monitor.daemon import AlreadyRunning, DaemonOptions, UnknownFeed, configure_logging, run
    from monitor.web.server import ListenError

    if args.feed and not args.once:
        raise UsageError("--feed polls chosen feeds once: use it with --once")
    configure_logging(args.log_format)
    options = DaemonOptions(
        config=[Path(p) for p in args.config],
        db_url=args.db,
        once=args.once,
        metrics_port=args.metrics_port,
        metrics_host=args.metrics_host,
        block_private=args.block_private_addresses,
        backfill=args.backfill,
        tick=args.tick,
        lease=args.lease,
        listen=args.listen,
        only=args.feed,
    )
    try:
        return run(options)
    except (AlreadyRunning, UnknownFeed) as exc:
        raise UsageError(str(exc)) from None
    except ListenError as exc:
        raise UsageError(str(exc)) from None


def _serve(args: argparse.Namespace) -> int:
    from monitor.bootstrap import web_app
    from monitor.config import HttpTable, parse_config, parse_listen
    from monitor.web.server import ListenError, bind, make_server, run_until_signalled

    config = parse_config([Path(p) for p in args.config])  # only [http] matters here
    http = config.http or HttpTable()
    host, port = parse_listen(args.listen) if args.listen else (http.host, http.port)
    with _opened(args) as app:
        try:
            sock = bind(host, port)
        except ListenError as exc:
            raise UsageError(str(exc)) from None
        server = make_server(web_app(app, http), host, port, embedded=True)
        shown = f"[{host}]" if ":" in host else host
        print(f"serving http://{shown}:{port}/", file=sys.stderr, flush=True)
        run_until_signalled(server, sock)
    return 0


def _health(args: argparse.Namespace) -> int:
    from monitor.daemon import health

    with _opened(args) as app:
        info = health(app)
    lag = max(info["projector_lag"].values(), default=0)
    skipped = info["projection_errors"]
    print(
        f"{info['status']}: {info['events']} events, projector lag {lag}, "
        f"{info['feeds_failing']}/{info['feeds']} feeds failing"
        + (
            f", {skipped} events skipped by projectors (monitor projections errors)"
            if skipped
            else ""
        )
    )
    return 0 if info["ok"] else 1


def _projection_errors(args: argparse.Namespace) -> int:
    from monitor.projections.runner import errors

    with _opened(args) as app:
        rows = errors(app.db)
    _output(args, rows, ["position", "projector", "event_type", "stream", "recorded_at", "error"])
    return 0


def _alerts(args: argparse.Namespace) -> int:
    from monitor.alerts.outbox import list_alerts, retry_alerts

    with _opened(args) as app:
        if args.action == "retry":
            print(f"{retry_alerts(app.db, args.ids)} alerts queued again")
            return 0
        rows = list_alerts(app.db, [args.state] if args.state else [])
        if args.action == "show":
            rows = [r for r in rows if r["id"] in args.ids]
            if not rows:
                raise UsageError(f"no alert {' '.join(args.ids)}")
    if args.json or args.action == "show":
        _print_json(rows)
    else:
        _table(rows, ["id", "case", "kind", "state", "attempts", "created_at", "last_error"])
    return 0


def _labelled_sets(dirs: Sequence[str], corpus: str) -> list[tuple[Any, list[dict[str, Any]]]]:
    """(examples, gold) of each labelled folder: articles.jsonl, gold.jsonl and cases.toml, or
    index.jsonl, gold.jsonl and cases.toml pointing into the news corpus."""
    from monitor.classify import train

    try:
        import sklearn  # noqa: F401
    except ImportError as exc:
        raise UsageError("training needs scikit-learn: pip install 'case-monitor[train]'") from exc
    out = []
    for d in dirs:
        try:
            arts, gold, book = train.load_set(Path(d), Path(corpus))
        except (OSError, ValueError) as exc:
            raise UsageError(str(exc)) from exc
        out.append((train.examples(arts, gold, book), gold))
    return out


def _classifier_train(args: argparse.Namespace) -> int:
    from monitor.classify import train

    sets = _labelled_sets(args.data or [str(p) for p in train.TRAINING_SETS], args.corpus)
    exs = [e for ex, _ in sets for e in ex]
    gold = [g for _, gs in sets for g in gs]
    model = train.train_model(exs, gold)
    out = Path(args.out) if args.out else Path(train.__file__).with_name("model.json")
    out.write_text(model.dumps(), encoding="utf-8")
    print(
        f"{model.version}: {len(model.weights)} weights, threshold {model.threshold:.2f}, "
        f"trained on {len(exs)} articles -> {out}"
    )
    return 0


def _classifier_words(args: argparse.Namespace) -> int:
    """Write the list of words the news writes in lower case (surnames among them need the
    full name to name a case; `monitor.classify.mentions`)."""
    from monitor.classify import mentions, train

    corpus = Path(args.corpus)
    if not corpus.is_dir():
        raise UsageError(f"no news corpus at {corpus}")
    min_count = train.COMMON_WORD_COUNT if args.min_count is None else args.min_count
    if min_count < 1:
        raise UsageError("--min-count must be at least 1")
    words = train.count_common_words(corpus, min_count)
    out = Path(args.out) if args.out else Path(mentions.__file__).with_name(mentions.WORDS)
    out.write_text("".join(f"{w}\n" for w in words), encoding="utf-8")
    print(f"{len(words)} common words -> {out}")
    return 0


def _write_jsonl(path: Path, lines: Sequence[dict[str, Any]]) -> None:
    """Prediction lines to a file, one JSON object a line, as `monitor extract` prints them."""
    with path.open("w", encoding="utf-8") as out:
        for line in lines:
            out.write(json.dumps(line, ensure_ascii=False) + "\n")


def _classifier_evaluate(args: argparse.Namespace) -> int:
    from monitor.classify import evaluate, train

    if args.gold or args.held_out:
        from monitor.classify import model as learned
        from monitor.classify.extract import Classifier

        if args.held_out:
            try:
                articles, gold, book = train.load_set(Path(args.held_out), Path(args.corpus))
            except (OSError, ValueError) as exc:
                raise UsageError(str(exc)) from exc
            name = args.held_out
        else:
            if not (args.articles and args.cases):
                raise UsageError("--gold needs --articles and --cases")
            articles = list(load_articles(Path(args.articles)).articles)
            gold, book = train.read_jsonl(Path(args.gold)), load_cases(Path(args.cases))
            name = args.gold
        try:
            scorer = learned.load(Path(args.model)) if args.model else None
        except learned.ModelError as exc:
            raise UsageError(str(exc)) from exc
        classifier = Classifier(book, scorer)
        preds = [train.prediction_line(a.id, d) for a in articles for d in classifier(a)]
        result = evaluate.score(preds, gold)
        if args.predictions:
            _write_jsonl(Path(args.predictions), preds)
        print(f"{classifier.version} on {name}")
    else:
        from monitor.classify.train import EVALUATION_EXTRA, EVALUATION_SETS

        data = args.data or [str(p) for p in EVALUATION_SETS]
        extra_dirs = args.extra if args.extra is not None else [str(p) for p in EVALUATION_EXTRA]
        sets = _labelled_sets([*data, *extra_dirs], args.corpus)
        tested, extra = sets[: len(data)], sets[len(data) :]
        if args.by_set:
            return _by_set(data, tested, extra)
        cv = train.cross_validate(
            [e for ex, _ in tested for e in ex],
            [g for _, gs in sets for g in gs],
            k=args.folds,
            extra=[e for ex, _ in extra for e in ex],
            repeats=args.repeats,
            progress=lambda line: print(line, file=sys.stderr),
        )
        result = cv.score
        if args.predictions:
            _write_jsonl(Path(args.predictions), cv.predictions)
        print(
            f"cross-validation on {', '.join(data)}: {args.folds} folds holding out whole cases, "
            f"{args.repeats} partition(s) pooled"
        )
        print("  F1 per partition: " + ", ".join(f"{f:.3f}" for f in cv.f1_per_partition))
        for n, cases in enumerate(cv.folds, 1):
            print(f"  fold {n} of the first partition: {', '.join(cases)}")
    print(result.table())
    print("reliability (calibrated confidence vs. share right, optional gold counts as right):")
    print("\n".join(evaluate.reliability(result.outcomes, (0.0, 0.5, 0.7, 0.8, 0.9, 0.95))))
    return 0


def _by_set(
    names: Sequence[str],
    sets: Sequence[tuple[Any, list[dict[str, Any]]]],
    extra: Sequence[tuple[Any, list[dict[str, Any]]]],
) -> int:
    """`evaluate --by-set`: each set scored by a model trained on the other sets."""
    from monitor.classify import train

    if len(sets) < 2:
        raise UsageError("--by-set needs at least two labelled sets (--data, repeatable)")
    scores = train.by_set(sets, extra, progress=lambda line: print(line, file=sys.stderr))
    print("each set scored by a model trained on the others (and --extra), never on it:")
    for name, result in zip(names, scores, strict=True):
        print(f"  {result.f1:.3f}  {name}")
    pooled = scores[0]
    for result in scores[1:]:
        pooled = pooled + result
    print(pooled.table())
    return 0


def _age(text: str) -> dt.timedelta:
    from monitor.config import parse_interval

    return dt.timedelta(seconds=parse_interval(text))


def _review(args: argparse.Namespace) -> int:
    """`monitor review ACTION`: the review queue and a person's decisions."""
    from monitor import review

    with _opened(args) as app:
        app.project()
        try:
            code = _review_action(args, app, review)
        except (review.UnknownDevelopment, review.DecisionError) as exc:
            raise UsageError(str(exc)) from None
        app.project()
    return code


def _write_lines(path: str | None, rows: list[dict[str, Any]]) -> None:
    if path is None or path == "-":
        sys.stdout.write("".join(_json(r) + "\n" for r in rows))
    else:
        text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
        Path(path).write_text(text, encoding="utf-8")


def _review_export(args: argparse.Namespace, app: Any, review: Any) -> int:
    """Gold lines (and, when asked, the articles and cases) for evaluation and training."""
    exported = review.export(app.store)
    _write_lines(args.out, exported.lines)
    if args.articles:
        _write_lines(args.articles, exported.articles)
    if args.cases:
        Path(args.cases).write_text(review.cases_toml(exported.cases), encoding="utf-8")
    required = sum(1 for line in exported.lines if not line["optional"])
    print(
        f"{len(exported.lines)} gold lines ({required} reviewed) from "
        f"{len(exported.articles)} articles",
        file=sys.stderr,
    )
    return 0


def _review_action(args: argparse.Namespace, app: Any, review: Any) -> int:
    action = args.review_command
    if action == "list":
        states = {"proposed": ("proposed",), "rejected": ("rejected",)}.get(
            args.state, ("proposed", "rejected", "accepted")
        )
        where = review.ProposalFilter(
            case=args.case,
            type=args.type,
            older_than=_age(args.older_than) if args.older_than else None,
            newer_than=_age(args.newer_than) if args.newer_than else None,
            states=states,
        )
        with app.db.read() as conn:
            rows = review.proposals(conn, where)
        if args.state == "decided":
            rows = [r for r in rows if r["decision"]]
        columns = ["id", "case", "type", "date", "confidence", "sources", "reason", "evidence"]
        _output(args, rows, columns)
        return 0
    if action == "show":
        with app.db.read() as conn:
            detail = review.show(app.store, conn, args.id)
        if args.json:
            _print_json(detail)
            return 0
        for key, value in detail.items():
            if key != "reports" and value is not None:
                print(f"{key:16} {value}")
        print(f"reports ({len(detail['reports'])}):")
        for r in detail["reports"]:
            print(f"  {r['published'] or '-'}  {r['confidence']:.2f}  {r['url'] or r['article']}")
            print(f"      {r['evidence']}")
        return 0
    if action == "export":
        return _review_export(args, app, review)
    if action == "correct":
        correction = review.Correction(
            type=args.type, date=args.date, outcome=args.outcome, detail=args.detail, case=args.case
        )
        results = [review.correct(app.store, args.id, correction, reason=args.reason, by=args.by)]
    elif action == "confirm":
        results = review.confirm(app.store, args.ids, by=args.by, note=args.note)
    else:
        decide = {
            "reject": review.reject,
            "retract": review.retract,
            "unretract": review.unretract,
        }[action]
        results = decide(app.store, args.ids, reason=args.reason, by=args.by)
    past = {"confirm": "confirmed", "reject": "rejected", "correct": "corrected"}.get(
        action, f"{action}ed"
    )
    for result in results:
        print(f"{result.development} ({result.case}): {past if result.appended else 'unchanged'}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="monitor", description="Watch the news for developments in detention cases."
    )
    parser.add_argument(
        "--db", default=None, help="SQLAlchemy URL (default: $MONITOR_DB or an SQLite file)"
    )
    # `--db` is accepted before or after the command (`monitor status --db URL`).
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, handler: Handler, help_text: str, on: Any = None) -> Any:
        p = (on or sub).add_parser(name, help=help_text, parents=[common])
        p.set_defaults(handler=handler)
        return p

    db = sub.add_parser("db", help="schema migrations", parents=[common])
    db_sub = db.add_subparsers(dest="db_command", required=True, metavar="ACTION")
    command("upgrade", _db_upgrade, "apply all migrations", db_sub)
    command("current", _db_current, "show the schema revision", db_sub)
    command(
        "grant",
        _db_grant,
        "PostgreSQL, as the owner: give ROLE the daemon's rights and no more (docs/security.md)",
        db_sub,
    ).add_argument("role", help="the role the daemon runs as")

    extract = command("extract", _extract, "classify articles, print developments as JSON lines")
    extract.add_argument("articles", help="ARTICLES.jsonl")
    extract.add_argument("--cases", required=True, help="CASES.toml")

    clf = sub.add_parser("classifier", help="train and measure the classifier", parents=[common])
    clf_sub = clf.add_subparsers(dest="classifier_command", required=True, metavar="ACTION")
    corpus_default = str(Path("..") / "shared" / "data" / "news" / "rss-link-database")

    def labelled_options(p: Any, what: str) -> None:
        p.add_argument("--data", action="append", metavar="DIR", help=what)
        p.add_argument(
            "--corpus",
            default=corpus_default,
            metavar="DIR",
            help=f"news corpus the index-only sets point into (default {corpus_default})",
        )

    ctrain = command("train", _classifier_train, "fit the scorer on labelled sets", clf_sub)
    labelled_options(
        ctrain, "labelled set (repeatable; default: the training sets of docs/classifier.md)"
    )
    ctrain.add_argument(
        "--out", metavar="FILE", help="where to write (default: the packaged model)"
    )
    cwords = command(
        "words",
        _classifier_words,
        "list the corpus's common lower-case words (surnames among them need a full name)",
        clf_sub,
    )
    cwords.add_argument(
        "--corpus",
        default=corpus_default,
        metavar="DIR",
        help=f"news corpus to count words in (default {corpus_default})",
    )
    cwords.add_argument(
        "--min-count",
        type=int,
        metavar="N",
        help="lower-case uses that make a word common (default: the shipped list's count)",
    )
    cwords.add_argument(
        "--out", metavar="FILE", help="where to write (default: the packaged word list)"
    )
    ceval = command(
        "evaluate",
        _classifier_evaluate,
        "cross-validate holding out whole cases, or score the shipped model on a gold file",
        clf_sub,
    )
    labelled_options(ceval, "labelled set to cross-validate on (repeatable)")
    ceval.add_argument(
        "--extra",
        action="append",
        metavar="DIR",
        help="labelled sets that join every training part (repeatable; default: the seed set)",
    )
    ceval.add_argument("--folds", type=int, default=5)
    ceval.add_argument(
        "--repeats",
        type=int,
        default=3,
        help="partitions into folds, pooled (default 3: one partition is one noisy draw)",
    )
    ceval.add_argument(
        "--predictions",
        metavar="FILE",
        help="write the predictions here (JSON lines; out-of-fold in cross-validation)",
    )
    ceval.add_argument(
        "--by-set",
        action="store_true",
        help="score each --data set with a model trained on the other sets (transfer)",
    )
    ceval.add_argument("--gold", metavar="FILE", help="score the shipped model on this gold file")
    ceval.add_argument("--articles", metavar="FILE", help="with --gold: the articles")
    ceval.add_argument("--cases", metavar="FILE", help="with --gold: the cases")
    ceval.add_argument("--model", metavar="FILE", help="with --gold: this model, not the shipped")
    ceval.add_argument(
        "--held-out",
        metavar="DIR",
        help="score the shipped model (or --model) on a labelled set it was not trained on",
    )

    cases = sub.add_parser("cases", help="case definitions", parents=[common])
    cases_sub = cases.add_subparsers(dest="cases_command", required=True, metavar="ACTION")
    command(
        "import", _cases_import, "define or update cases from a TOML file", cases_sub
    ).add_argument("file", help="CASES.toml")

    ingest = command("ingest", _ingest, "store articles and append the developments in them")
    ingest.add_argument("articles", help="ARTICLES.jsonl")
    ingest.add_argument(
        "--backfill", action="store_true", help="record history without raising alerts"
    )
    ingest.add_argument(
        "--config",
        dest="review_config",
        action="append",
        default=[],
        metavar="FILE",
        help="TOML with a [review] table (the review threshold; repeatable)",
    )

    status = command("status", _status, "the current status of every case")
    status.add_argument("--json", action="store_true", help="the contract's JSON array")
    status.add_argument(
        "--as-of", metavar="DATE", help="status on DATE, folded from the stored developments"
    )

    tl = command("timeline", _timeline, "one case's developments, ordered by date")
    tl.add_argument("key", help="case key")
    tl.add_argument("--json", action="store_true", help="the contract's JSON array")

    proj = sub.add_parser("projections", help="read models", parents=[common])
    proj_sub = proj.add_subparsers(dest="projections_command", required=True, metavar="ACTION")
    command("rebuild", _rebuild, "replay every event into fresh projections", proj_sub)
    command(
        "errors", _projection_errors, "events the projectors could not apply and skipped", proj_sub
    ).add_argument("--json", action="store_true", help="JSON instead of a table")

    def config_option(p: Any) -> None:
        p.add_argument(
            "--config",
            action="append",
            default=[],
            metavar="FILE",
            help="TOML configuration (repeatable; default: the shipped feeds/)",
        )

    config_cmd = sub.add_parser("config", help="configuration files", parents=[common])
    config_sub = config_cmd.add_subparsers(dest="config_command", required=True, metavar="ACTION")
    config_option(
        command(
            "check",
            _config_check,
            "check files as `monitor run` would, and do nothing else (exit 2 if bad)",
            config_sub,
        )
    )

    feeds = command("feeds", _feeds, "the configured feeds and their state")
    config_option(feeds)
    feeds.add_argument("--json", action="store_true", help="JSON instead of a table")

    run = command("run", _run, "the daemon: poll, classify, append, project, alert")
    config_option(run)
    run.add_argument("--once", action="store_true", help="poll every due feed once, then exit")
    run.add_argument(
        "--feed",
        action="append",
        default=[],
        metavar="NAME_OR_URL",
        help="with --once: poll this configured feed now, due or not (repeatable)",
    )
    run.add_argument(
        "--metrics-port",
        type=int,
        default=None,
        metavar="PORT",
        help="serve /healthz and /metrics on PORT (see --metrics-host)",
    )
    run.add_argument(
        "--metrics-host",
        default=os.environ.get("MONITOR_METRICS_HOST", "127.0.0.1"),
        metavar="HOST",
        help="address for --metrics-port (default $MONITOR_METRICS_HOST or 127.0.0.1; "
        "0.0.0.0 in a container)",
    )
    run.add_argument(
        "--listen",
        metavar="HOST:PORT",
        default=None,
        help="serve the web pages, API and Atom feeds here (default: [http] listen, if any)",
    )
    run.add_argument("--log-format", choices=["text", "json"], default="text")
    run.add_argument(
        "--block-private-addresses",
        action="store_true",
        help="refuse file:// feeds, and private, loopback, link-local and metadata addresses "
        "for feeds, redirects and webhooks (also [security] block_private_addresses; "
        "see docs/security.md)",
    )
    run.add_argument(
        "--backfill", action="store_true", help="record what the feeds hold without raising alerts"
    )
    run.add_argument(
        "--tick",
        type=float,
        default=5.0,
        metavar="SECONDS",
        help="how often to look for due feeds and alerts (default 5)",
    )
    run.add_argument(
        "--lease",
        type=float,
        default=300.0,
        metavar="SECONDS",
        help="how long a claimed feed stays claimed if its instance dies",
    )

    serve = command("serve", _serve, "the web pages, JSON API and Atom feeds, without the daemon")
    serve.add_argument(
        "--config", action="append", default=[], metavar="FILE", help="TOML with an [http] table"
    )
    serve.add_argument(
        "--listen", metavar="HOST:PORT", help="default: [http] listen, else 127.0.0.1:8080"
    )

    subs = command("subscriptions", _subscriptions, "who hears of what, as stored")
    subs.add_argument(
        "--config",
        action="append",
        default=[],
        metavar="FILE",
        help="follow these files first: add, change and remove subscriptions to match",
    )
    subs.add_argument("--all", action="store_true", help="removed subscriptions too")
    subs.add_argument("--json", action="store_true", help="JSON instead of a table")

    command("health", _health, "one-line status: projector lag, failing feeds")

    alerts = command("alerts", _alerts, "list, inspect and retry alerts")
    alerts.add_argument("action", nargs="?", choices=["list", "show", "retry"], default="list")
    alerts.add_argument("ids", nargs="*", help="alert ids (show, retry; retry alone: all dead)")
    alerts.add_argument("--state", choices=["pending", "sending", "sent", "dead", "cancelled"])
    alerts.add_argument("--json", action="store_true", help="JSON instead of a table")

    _review_parser(sub, common)

    retract = command("retract", _retract, "retract a development (appends an event)")
    retract.add_argument("key", help="case key")
    retract.add_argument("development", help="development id (see `monitor timeline KEY --json`)")
    retract.add_argument("--reason", required=True, help="why it is wrong")
    return parser


def _review_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    rv = sub.add_parser(
        "review", help="the review queue: confirm, reject, correct proposals", parents=[common]
    )
    rv_sub = rv.add_subparsers(dest="review_command", required=True, metavar="ACTION")

    def action(name: str, help_text: str) -> Any:
        p = rv_sub.add_parser(name, help=help_text, parents=[common])
        p.set_defaults(handler=_review)
        return p

    def by(p: Any) -> None:
        p.add_argument("--by", default=None, help="who decides (default: the login name)")

    ls = action("list", "developments waiting for review, oldest first")
    ls.add_argument("--case", help="only this case")
    ls.add_argument("--type", help="only this development type")
    ls.add_argument("--older-than", metavar="AGE", help="recorded at least AGE ago (2h, 3d)")
    ls.add_argument("--newer-than", metavar="AGE", help="recorded at most AGE ago (2h, 3d)")
    ls.add_argument(
        "--state",
        choices=["proposed", "rejected", "decided", "all"],
        default="proposed",
        help="which developments (default: proposed)",
    )
    ls.add_argument("--json", action="store_true", help="JSON instead of a table")

    sh = action("show", "one development: evidence, sources, confidence, decisions")
    sh.add_argument("id", help="development id (or a unique prefix)")
    sh.add_argument("--json", action="store_true", help="JSON instead of text")

    cf = action("confirm", "confirm proposals: they count towards status and alerts")
    cf.add_argument("ids", nargs="+", metavar="ID")
    cf.add_argument("--note", default=None, help="why (optional)")
    by(cf)

    for name, help_text in (
        ("reject", "reject proposals: they never count"),
        ("retract", "retract developments: projections drop them"),
        ("unretract", "reverse retractions: the developments count again"),
    ):
        p = action(name, help_text)
        p.add_argument("ids", nargs="+", metavar="ID")
        p.add_argument("--reason", required=True, help="why")
        by(p)

    ex = action("export", "decisions as gold lines (../shared/eval/news/gold.jsonl format)")
    ex.add_argument("--out", default=None, metavar="FILE", help="gold lines (default: stdout)")
    ex.add_argument("--articles", metavar="FILE", help="also write the articles (JSONL)")
    ex.add_argument("--cases", metavar="FILE", help="also write the cases they name (TOML)")

    co = action("correct", "correct a development's type, date, case, outcome or detail")
    co.add_argument("id", help="development id (or a unique prefix)")
    co.add_argument("--type", help="the right development type")
    co.add_argument("--date", help="the right date (YYYY, YYYY-MM, YYYY-MM-DD; '' for unknown)")
    co.add_argument("--case", help="the case it belongs to")
    co.add_argument("--outcome", help="guilty, acquitted, filed, upheld, overturned, reduced")
    co.add_argument("--detail", help="e.g. the sentence's term")
    co.add_argument("--reason", required=True, help="why")
    by(co)


def main(argv: Sequence[str] | None = None) -> int:
    # A locale that cannot spell a name prints it escaped rather than ending the command.
    reconfigure = getattr(sys.stdout, "reconfigure", None)
    if reconfigure is not None:
        reconfigure(errors="backslashreplace")
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Handler = args.handler
    try:
        return handler(args)
    except (DatabaseError, UsageError, ConfigError, ConcurrencyError, IdempotencyConflict) as exc:
        print(f"monitor: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130
