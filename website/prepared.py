"""Queries built by the ORM once per process, then run with new values.

Building and compiling a queryset costs Django far more than the database
takes to answer the small, indexed queries of a public page: the request's
frame (website/sites.py), a union of eight lookups, took about 9 ms of Python
for a query the database answers in a fraction of one. A :class:`Prepared`
query is written with the ORM as usual, by a function of the values that
change from request to request; the first call builds it with *markers* in
place of those values, compiles it, and remembers the SQL and where each
marker went among its parameters. Later calls with values of the same shape
(the same types, and lists of the same lengths) run that SQL with the new
values, and Django makes the model instances from the rows as for any
queryset (``select_related``, annotations and ``prefetch_related`` included).

A value that decides the query's SQL rather than filling a parameter (a
slice's bounds, a flag choosing a branch) is passed as :class:`Fixed`: it is
part of the shape. A str or UUID value the query transforms (``__contains``
wraps it in wildcards) or writes into the SQL is refused with an error at
the first call; a number or date that the query turns into something else
(``date__year``) cannot be recognised: pass it as ``Fixed`` or use the
queryset directly.

On PostgreSQL each shape is also prepared on the server, once per database
connection (``PREPARE``), and run with ``EXECUTE``, planned once: planning
was most of what the database spent on these queries (a news index's
facets: 3 ms of planning for 5 of execution). The statement's parameters
are typed from the values (an integer as ``integer``: a larger one runs the
query unprepared). ``DATABASE_PREPARED_STATEMENTS=false`` turns it off, for
a connection pooler that does not keep a session's prepared statements
(PgBouncer in transaction mode).
"""

import copy
import datetime
import itertools
import re
import threading
import uuid
from dataclasses import dataclass
from types import SimpleNamespace

from django.conf import settings
from django.core.exceptions import EmptyResultSet, FullResultSet
from django.db import connections

# Inside every database's integer range and positive (Django drops values
# outside a field's range from lookups), and far from any key, depth or count.
_INT_MARKER_BASE = 2_046_000_000
_STR_MARKER = "\x1fprepared-value-{}\x1f"
_EPOCH = datetime.datetime(1903, 1, 1, tzinfo=datetime.UTC)


@dataclass(frozen=True)
class Fixed:
    """A value built into the query's SQL (a LIMIT, a flag choosing a
    branch): part of the shape, not a parameter."""

    value: object


def _marker_for(value, index):
    if isinstance(value, int):
        return _INT_MARKER_BASE + index
    if isinstance(value, str):
        return _STR_MARKER.format(index)
    if isinstance(value, uuid.UUID):
        return uuid.UUID(int=0x5EED_0000_0000_0000_0000_0000 + index)
    if isinstance(value, datetime.datetime):
        return _EPOCH + datetime.timedelta(microseconds=index + 1)
    if isinstance(value, datetime.date):
        return datetime.date(1903, 1, 1) + datetime.timedelta(days=index + 1)
    return None


def _marked(value, markers, values):
    """``value`` with each int, str, UUID, date and datetime replaced by a new
    marker (appended to ``markers``, the value to ``values``), and the shape
    of ``value``. Dicts become namespaces of marked attributes."""
    if isinstance(value, Fixed):
        return value.value, ("fixed", value.value)
    if isinstance(value, bool) or value is None:
        return value, ("const", value)
    marker = _marker_for(value, len(markers))
    if marker is not None:
        markers.append(marker)
        values.append(value)
        return marker, type(value)
    if isinstance(value, list | tuple):
        parts = [_marked(item, markers, values) for item in value]
        return list(part for part, _shape in parts), (
            "list",
            tuple(shape for _part, shape in parts),
        )
    if isinstance(value, dict):
        parts = {name: _marked(item, markers, values) for name, item in sorted(value.items())}
        return SimpleNamespace(**{name: part for name, (part, _s) in parts.items()}), (
            "dict",
            tuple((name, shape) for name, (_part, shape) in parts.items()),
        )
    raise TypeError(f"A prepared query cannot take {value!r} as a value")


def _representations(marker, connection):
    """How a marker may appear among a compiled query's parameters, each with
    the function that turns a value into that form."""
    ops = connection.ops
    forms = [(marker, lambda value: value)]
    if isinstance(marker, str):
        # __startswith: LIKE with the value escaped and a wildcard after it.
        forms.append((marker + "%", lambda value: ops.prep_for_like_query(value) + "%"))
    elif isinstance(marker, uuid.UUID):
        forms.append((marker.hex, lambda value: value.hex))
    elif isinstance(marker, datetime.datetime):
        forms.append((ops.adapt_datetimefield_value(marker), ops.adapt_datetimefield_value))
    elif isinstance(marker, datetime.date):
        forms.append((ops.adapt_datefield_value(marker), ops.adapt_datefield_value))
    return forms


class NotPreparable(Exception):
    """The query does not keep every value as a plain SQL parameter."""


class _Compiled:
    """One shape of a prepared query: its queryset, compiler state and SQL."""

    def __init__(self, queryset, markers, using):
        self.queryset = queryset
        connection = connections[using]
        compiler = queryset.query.get_compiler(using=using)
        try:
            sql, params = compiler.as_sql()
        except (EmptyResultSet, FullResultSet) as error:
            raise NotPreparable(
                "a value decided the query (outside its field's range?): pass it as Fixed"
            ) from error
        forms = {}
        for index, marker in enumerate(markers):
            for form, convert in _representations(marker, connection):
                forms[(type(form), form)] = (index, convert)
        self.slots = []
        for param in params:
            try:
                slot = forms.get((type(param), param))
            except TypeError:  # unhashable: a list, a dict
                slot = None
            self.slots.append(slot)
        # A value may go unused (a branch of the query that this shape does
        # not take); a value the query changed (``__contains`` wraps it in
        # wildcards) would be found inside another parameter or in the SQL.
        texts = [sql] + [param for param in params if isinstance(param, str)]
        changed = [
            marker
            for index, marker in enumerate(markers)
            for text in texts
            if text is sql or forms.get((str, text), (None,))[0] != index
            if str(marker) in text or (isinstance(marker, uuid.UUID) and marker.hex in text)
        ]
        if changed:
            raise NotPreparable(
                "these values are not plain parameters of the query: "
                f"{changed!r} ({connection.vendor})"
            )
        self.sql = sql
        self.params = list(params)
        self.compiler = compiler
        self.using = using
        self.statement = _server_statement(sql, self.params, connection)

    def run(self, values, using):
        params = tuple(
            param if slot is None else slot[1](values[slot[0]])
            for param, slot in zip(self.params, self.slots, strict=True)
        )
        template = self.compiler
        sql = self.sql
        if self.statement is not None and _fits(params):
            sql = self.statement.executed(connections[using], len(params))

        def get_compiler(using=None, connection=None, elide_empty=True):
            compiler = copy.copy(template)
            # This thread's connection: a connection serves one thread only.
            compiler.connection = connections[using or self.using]
            compiler.using = using or self.using
            compiler.as_sql = lambda *args, **kwargs: (sql, params)
            return compiler

        queryset = self.queryset._chain()
        queryset.query.get_compiler = get_compiler
        queryset._db = using
        return list(queryset)


# --- PostgreSQL: statements prepared on the server (see the module's text) --------

_names = itertools.count(1)
_PARAMETER = re.compile(r"%s|%%")
_TYPES = (
    # bool before int: a bool is an int.
    (bool, "boolean"),
    # Every integer of these queries (keys, depths, counts, positions in a
    # path) fits; a larger value runs the query unprepared.
    (int, "integer"),
    (float, "double precision"),
    (str, "text"),
    (uuid.UUID, "uuid"),
    (datetime.datetime, "timestamptz"),
    (datetime.date, "date"),
)


_INTEGER = range(-(2**31), 2**31)


def _fits(params):
    return all(param in _INTEGER for param in params if type(param) is int)


def _type_of(param):
    for kind, name in _TYPES:
        if isinstance(param, kind):
            return name
    return None


def _server_statement(sql, params, connection):
    if connection.vendor != "postgresql" or not getattr(
        settings, "DATABASE_PREPARED_STATEMENTS", True
    ):
        return None
    types = [_type_of(param) for param in params]
    if None in types:  # a value of another type (None, a list): not prepared
        return None
    numbers = itertools.count(1)
    text = _PARAMETER.sub(lambda m: "%" if m.group() == "%%" else f"${next(numbers)}", sql)
    return _ServerStatement(f"prepared_{next(_names)}", text, types)


class _ServerStatement:
    def __init__(self, name, sql, types):
        self.name = name
        arguments = f" ({', '.join(types)})" if types else ""
        self.definition = f"PREPARE {name}{arguments} AS {sql}"
        # The query's own text follows as a comment, for whoever reads the
        # statements run (logs, tests that look for a table's name).
        self.comment = " /* " + sql.replace("*/", "* /").replace("%", "%%") + " */"

    def executed(self, connection, count):
        """The EXECUTE of the statement, prepared first if this database
        connection has not prepared it yet."""
        connection.ensure_connection()
        raw = connection.connection
        known = getattr(connection, "_prepared_statements", None)
        if known is None or known[0] is not raw:
            known = connection._prepared_statements = (raw, set())
        if self.name not in known[1]:
            with raw.cursor() as cursor:
                cursor.execute(self.definition)
            known[1].add(self.name)
        arguments = f" ({', '.join(['%s'] * count)})" if count else ""
        return f"EXECUTE {self.name}{arguments}{self.comment}"


class Prepared:
    """A query made by ``build(*values)`` (a queryset), compiled once per
    database and shape of the values; ``run(*values)`` gives its rows as a
    list of model instances."""

    # Shapes kept per query: a LIMIT or OFFSET (``Fixed``) makes one shape per
    # value; past this many, further shapes are compiled at each call.
    MAX_SHAPES = 256

    def __init__(self, build):
        self.build = build
        self._shapes = {}
        self._lock = threading.Lock()

    def run(self, *values, using="default"):
        markers, real = [], []
        marked, shape = _marked(list(values), markers, real)
        key = (using, connections[using].vendor, shape)
        compiled = self._shapes.get(key)
        if compiled is None:
            with self._lock:
                compiled = self._shapes.get(key)
                if compiled is None:
                    compiled = _Compiled(self.build(*marked), markers, using)
                    if len(self._shapes) < self.MAX_SHAPES:
                        self._shapes[key] = compiled
        return compiled.run(real, using)
