"""Calling within India's telemarketing rules (TCCCPR 2018 and TRAI's later directions).

Qt-free, one module per rule, each a pure function the UI calls before a call or an import:

- ``purpose``: promotional, service, transactional (every lead list has one);
- ``scrub``: DND/NCPR scrub and consent columns of a lead file, and who is refused at import;
- ``hours``: calling hours per purpose (promotional: never outside 09:00-21:00 India time);
- ``caller_id``: the 140-series / 1600-series rule for the deskphone, and the agent's answers;
- ``opt_out``: why a number went on the do-not-call list (who, when, why);
- ``journal``: a list's purpose, its leads' scrub records, its calls and every refusal;
- ``audit`` and ``report``: the list-export columns and ``--compliance-report``.
"""
