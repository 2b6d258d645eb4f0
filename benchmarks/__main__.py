"""``python -m benchmarks``: run every benchmark and write docs/benchmarks.md and .json."""

from benchmarks.run import main

raise SystemExit(main())
