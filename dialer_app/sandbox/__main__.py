"""``python -m dialer_app.sandbox``: serve the sandbox in the foreground until Ctrl+C."""

from __future__ import annotations

import argparse
import sys

from dialer_app.sandbox import DEMO_AUTHCODE, Sandbox


def _parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m dialer_app.sandbox",
        description="Serve a CallerDesk-compatible sandbox on loopback.",
    )
    parser.add_argument("--port", type=int, default=0, help="TCP port (default: any free one)")
    parser.add_argument("--host", default="127.0.0.1", help="loopback address to bind")
    parser.add_argument("--prefix", default="api_v2", help="API path prefix (default: api_v2)")
    parser.add_argument("--authcode", default=DEMO_AUTHCODE, help="authcode to accept")
    parser.add_argument(
        "--call-seconds", type=float, default=8.0, help="length of a simulated call"
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = _parse(argv)
    try:
        sandbox = Sandbox(
            args.authcode,
            host=args.host,
            port=args.port,
            prefix=args.prefix,
            call_seconds=args.call_seconds,
        ).start()
    except (ValueError, OSError) as exc:
        print(f"sandbox: {exc}", file=sys.stderr)
        return 2
    try:
        print(f"CallerDesk sandbox serving at {sandbox.base_url}", flush=True)
        if args.authcode == DEMO_AUTHCODE:
            print(f"authcode: {DEMO_AUTHCODE}", flush=True)
        print("Press Ctrl+C to stop.", flush=True)
        sandbox.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        sandbox.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
