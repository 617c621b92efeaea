"""The ``prytulak`` command line: thin; parses input, calls the public verbs, renders output.

Each module here (not starting with ``_``) is a command group found by discovery: it defines
``register(app)`` and, optionally, ``demo_step(folder, case, console)`` that ``prytulak demo``
runs on every demo case.
"""
