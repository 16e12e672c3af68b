"""Throughput and memory of `python -m helpers extract` on synthetic Arabic corpora.

Generates corpora of 1k, 10k, 100k articles (JSONL, streamed to a temp folder) from sentence
templates written for this script (casualty sentences with random figures, places, actors
and sources, plus non-casualty filler), runs the extract runner on each, and prints:
articles/s and MB/s (total and per core), peak memory of the run (main process + workers),
and the extractor's throughput relative to one compiled-regex pass over the same text.

    .venv/bin/python scripts/benchmark.py                     # 1k and 10k articles
    .venv/bin/python scripts/benchmark.py --sizes 1000,10000,100000 --workers 2

Targets (docs/scale.md): >= 10 MB/s per core, >= 0.10 of the regex pass, < 1 GB at 100k.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from helpers import pipeline  # noqa: E402
from helpers.runner import extract  # noqa: E402
from helpers.schema import Document  # noqa: E402

PLACES = [
    "كفرنبل",
    "معرة النعمان",
    "سراقب",
    "الباب",
    "منبج",
    "تل رفعت",
    "دير الزور",
    "البوكمال",
    "الميادين",
    "هجين",
    "درعا البلد",
    "دوما",
    "حرستا",
    "تلبيسة",
    "الرستن",
    "جسر الشغور",
    "اللطامنة",
    "القامشلي",
]
REGIONS = ["ريف إدلب الجنوبي", "ريف حلب الشمالي", "ريف حماة الشمالي", "ريف دير الزور الشرقي"]
ACTORS = [
    "قوات النظام",
    "الطيران الروسي",
    "طيران التحالف الدولي",
    "تنظيم الدولة",
    "قوات سوريا الديمقراطية",
    "فصائل المعارضة",
    "الجيش التركي",
]
SOURCES = ["المرصد السوري لحقوق الإنسان", "الدفاع المدني", "مصادر محلية", "ناشطون", "مراسلنا"]
VICTIMS = ["مدنيين", "أطفال", "عناصر", "مقاتلين", "أشخاص", "نساء"]
WORD_NUMBERS = ["ثلاثة", "أربعة", "خمسة", "ستة", "سبعة", "ثمانية", "تسعة", "عشرة", "عشرات"]
INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")

CASUALTY = [
    "قتل {n} {v} وأصيب {m} آخرون في قصف نفذه {a} على بلدة {p} في {r}.",
    "أفاد {s} بمقتل {n} {v} جراء غارة جوية استهدفت {p} صباح اليوم.",
    "ارتفعت حصيلة ضحايا القصف على {p} إلى {n} قتيلا بينهم {m} أطفال، بحسب {s}.",
    "أصيب {n} {v} بجروح متفاوتة بانفجار عبوة ناسفة قرب دوار {p}.",
    "قال {s} إن ما لا يقل عن {n} {v} لقوا حتفهم في اشتباكات مع {a} على أطراف {p}.",
    "اعتقلت {a} {n} شبان خلال حملة مداهمات في {p} واقتادتهم إلى جهة مجهولة.",
    "نزحت أكثر من {n} عائلة من {p} باتجاه المخيمات الحدودية هربا من القصف.",
    "وثق {s} مقتل {w} {v} بينهم امرأتان في قصف مدفعي على {p}.",
    "سقط نحو {n} جريحا في هجوم بطائرة مسيرة استهدف سوقا شعبية في {p}.",
    "قضى {n} عنصرا من {a} وجرح {m} آخرون بكمين على طريق {p} - {q}.",
    "استشهد شابان وأصيب {w} آخرون برصاص قناص في حي {p}.",
    "تراوح عدد القتلى بين {n} و{N} بحسب تقديرات {s} لحصيلة المجزرة في {p}.",
]
FILLER = [
    "وتشهد المنطقة توترا أمنيا منذ أسابيع مع استمرار التعزيزات العسكرية.",
    "وعقد المجلس المحلي في {p} اجتماعا لبحث واقع الخدمات والمياه والكهرباء.",
    "وارتفع سعر ربطة الخبز في أسواق {p} إلى {n} ليرة سورية خلال الشهر الجاري.",
    "وأعلنت المنظمة عن توزيع {N} سلة غذائية على الأسر في {r}.",
    "ودخلت قافلة مؤلفة من {n} شاحنة محملة بالمساعدات عبر معبر باب الهوى.",
    "ويذكر أن {a} كانت قد سيطرت على المنطقة في عام 20{y}.",
    "وأكد المتحدث أن المفاوضات ستستأنف الأسبوع المقبل في العاصمة.",
    "وتضم الفرقة {n} نحو {N} آلاف عنصر بحسب تقديرات غير رسمية.",
    "وكانت الأمم المتحدة قد حذرت من تدهور الأوضاع الإنسانية في {r}.",
]
DIGITS = re.compile(r"[0-9٠-٩]+")


def _number(rng: random.Random, low: int, high: int) -> str:
    value = str(rng.randint(low, high))
    return value.translate(INDIC) if rng.random() < 0.2 else value


def _fill(template: str, rng: random.Random) -> str:
    return template.format(
        n=_number(rng, 2, 60),
        m=_number(rng, 1, 20),
        N=_number(rng, 61, 900),
        w=rng.choice(WORD_NUMBERS),
        v=rng.choice(VICTIMS),
        a=rng.choice(ACTORS),
        p=rng.choice(PLACES),
        q=rng.choice(PLACES),
        r=rng.choice(REGIONS),
        s=rng.choice(SOURCES),
        y=rng.randint(12, 19),
    )


def make_article(rng: random.Random) -> str:
    """4-14 sentences, about a third of them about casualties, in paragraphs."""
    sentences = [
        _fill(rng.choice(CASUALTY if rng.random() < 0.35 else FILLER), rng)
        for _ in range(rng.randint(4, 14))
    ]
    paragraphs, step = [], rng.randint(2, 4)
    for start in range(0, len(sentences), step):
        paragraphs.append(" ".join(sentences[start : start + step]))
    return "\n".join(paragraphs)


def write_corpus(path: Path, count: int, seed: int = 1) -> int:
    """Stream `count` articles to a JSONL file; return its size in bytes."""
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as handle:
        for index in range(count):
            row = {"id": f"syn{index:06d}", "text": make_article(rng), "outlet": "synthetic"}
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    return path.stat().st_size


class PeakMemory:
    """Samples the RSS of this process plus all its children (the workers) every 50 ms."""

    def __init__(self) -> None:
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        me = psutil.Process()
        while not self._stop.wait(0.05):
            total = me.memory_info().rss
            for child in me.children(recursive=True):
                try:
                    total += child.memory_info().rss
                except psutil.Error:
                    continue
            self.peak = max(self.peak, total)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def regex_stub(doc: Document) -> tuple[list[dict], list[dict]]:
    """Stand-in extractor (every digit run a figure) to measure the runner's own overhead."""
    rows = [
        {
            "mention": f"m{number}",
            "start": match.start(),
            "end": match.end(),
            "text": match.group(),
            "category": "killed",
            "victim": "UNKNOWN",
            "qualifier": "exact",
            "scope": "incident",
            "sentence": doc.text[max(0, match.start() - 60) : match.end() + 60],
        }
        for number, match in enumerate(DIGITS.finditer(doc.text), start=1)
    ]
    return rows, []


WORDS = re.compile(r"\w+")


def per_word_floor(texts: list[str]) -> float:
    """MB/s of the least per-word work any Python tokenising extractor does: one
    (word, start, end) tuple per word and nothing else. Its ratio to the regex pass bounds
    what such an extractor can reach on this text."""
    megabytes = sum(len(t.encode()) for t in texts) / 1e6
    started = time.perf_counter()
    for text in texts:
        [(m.group(), m.start(), m.end()) for m in WORDS.finditer(text)]
    return megabytes / (time.perf_counter() - started)


def regex_ratio(corpus: Path, sample: int) -> tuple[float, float, float, float]:
    """(extractor MB/s, regex MB/s, ratio, per-word Python floor MB/s) on the first `sample`
    articles, one core."""
    texts = []
    with corpus.open(encoding="utf-8") as handle:
        for _, line in zip(range(sample), handle, strict=False):
            texts.append(json.loads(line)["text"])
    megabytes = sum(len(t.encode()) for t in texts) / 1e6
    started = time.perf_counter()
    for index, text in enumerate(texts):
        pipeline.process_document(Document(doc=f"s{index}", text=text))
    extractor = time.perf_counter() - started
    started = time.perf_counter()
    for _ in range(5):
        for text in texts:
            DIGITS.findall(text)
    regex = (time.perf_counter() - started) / 5
    return megabytes / extractor, megabytes / regex, regex / extractor, per_word_floor(texts)


def bench(size: int, workers: int, root: Path, sample: int) -> None:
    corpus = root / f"corpus_{size}.jsonl"
    size_bytes = write_corpus(corpus, size)
    out = root / f"out_{size}"
    with PeakMemory() as memory:
        started = time.perf_counter()
        result = extract(corpus, out, workers=workers, progress=False)
        seconds = time.perf_counter() - started
    mb = size_bytes / 1e6
    extractor_mbs, regex_mbs, ratio, floor_mbs = regex_ratio(corpus, min(size, sample))
    maxrss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(
        f"{size:>7} articles {mb:7.1f} MB | {seconds:7.1f} s | "
        f"{size / seconds:8.1f} art/s | {mb / seconds:6.2f} MB/s = {mb / seconds / workers:6.2f}"
        f" MB/s/core | peak RSS {memory.peak / 1e6:7.0f} MB (self max {maxrss_mb:.0f},"
        f" worker max {children_mb:.0f}) | 1-core extractor {extractor_mbs:.2f} MB/s vs regex"
        f" {regex_mbs:.0f} MB/s = {ratio:.4f} | per-word Python floor {floor_mbs:.0f} MB/s ="
        f" {floor_mbs / regex_mbs:.2f} of regex | mentions {result.mentions}"
        f" incidents {result.incidents} skipped {result.skipped} | stages "
        + ", ".join(f"{k} {v:.1f} s" for k, v in result.seconds.items()),
        flush=True,
    )
    shutil.rmtree(out, ignore_errors=True)
    corpus.unlink()


def run_separately(sizes: list[int], args: argparse.Namespace) -> int:
    """Run each size in its own process, so no size's peak RSS includes another's leftovers.

    Pool workers are forked from this process: after a smaller run (and its single-core
    ratio, which loads every lexicon here) their RSS would count pages inherited from it.
    """
    options = ["--workers", str(args.workers), "--sample", str(args.sample)]
    options += ["--extractor", args.extractor] + (["--tmp", args.tmp] if args.tmp else [])
    for size in sizes:
        command = [sys.executable, __file__, "--sizes", str(size), *options]
        code = subprocess.run(command, check=False).returncode
        if code:
            return code
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated article counts")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--sample", type=int, default=300, help="articles for the regex ratio")
    parser.add_argument(
        "--extractor",
        choices=("real", "stub"),
        default="real",
        help="stub: a regex stand-in, to measure the runner alone (reading, workers, writing)",
    )
    parser.add_argument("--tmp", help="folder for the generated corpora (default: system temp)")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    if len(sizes) > 1:  # one fresh process per size (see `run_separately`)
        return run_separately(sizes, args)
    if args.extractor == "stub":  # workers are forked, so they inherit the stand-in
        pipeline.process_document = regex_stub
    print(f"extractor {args.extractor}, workers {args.workers}, sizes {sizes}", flush=True)
    with tempfile.TemporaryDirectory(dir=args.tmp, prefix="hasila-bench-") as root:
        for size in sizes:
            bench(size, args.workers, Path(root), args.sample)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
