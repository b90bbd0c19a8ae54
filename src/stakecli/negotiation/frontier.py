"""Exact Pareto frontier of a multi-issue package space, and the packages it is made of.

A package picks one option per issue; each party scores it additively (docs/methods.md §4.1).
The frontier is built issue by issue from non-dominated partial sums, so the package space is
never enumerated: if a prefix is dominated by another prefix, swapping it in dominates the
whole package, hence every prefix of an efficient package is efficient among prefixes. Scores
are scaled to exact integers per party (int64 while sums cannot overflow, Python ints
otherwise), so ties and dominance are exact; results come back as `Fraction`.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from stakecli.negotiation.arrays import np, npt
from stakecli.negotiation.space import Exact, Package, Space, check_vector

Array = npt.NDArray[Any]

_INT64_SAFE = 2**62  # partial sums and their differences stay below 2**63
_BLOCK = 256  # candidates compared at once by the filter for four or more parties
_CHUNK = 4096  # kept points compared at once against a block
DENSE = 2.0
"""Two parties: grid cells per candidate up to which a merge writes into a grid of one party's
scores instead of sorting (scores of few decimals span few cells: 40 issues of integer scores
and weights of three decimals span at most 100,000)."""
_LOW = np.iinfo(np.int64).min  # below every score: sums stay within +-2**62


@dataclass(frozen=True, slots=True)
class FrontierPoint:
    """A non-dominated score vector, one package reaching it, and how many packages do."""

    scores: tuple[Fraction, ...]
    package: Package
    count: int


@dataclass(frozen=True, slots=True, eq=False)
class Frontier:
    """The Pareto frontier of `space`, points sorted by scores descending (party 0 first).

    The points are held as exact integer arrays (`scaled[f, p]` = party p's score of point f
    times `denominators[p]`; `packages[f]` one representative package; `counts[f]` how many
    packages reach it), so that bargaining and views can work on tens of thousands of points
    without building a `Fraction` for each; `points` builds the `FrontierPoint`s on first use.
    """

    space: Space
    scaled: Array  # (F, k) int64, or Python ints (dtype object) when sums could overflow
    denominators: tuple[int, ...]
    packages: Array  # (F, n) option index per issue
    counts: tuple[int, ...]
    tables: tuple[Array, ...] = ()  # per issue, (options, k) scaled scores: `score_ints`
    _points: list[tuple[FrontierPoint, ...]] = field(
        default_factory=list, init=False, repr=False, compare=False
    )
    _ints: list[list[list[int]]] = field(
        default_factory=list, init=False, repr=False, compare=False
    )

    @property
    def points(self) -> tuple[FrontierPoint, ...]:
        """Every point as a `FrontierPoint` (built once, on first use)."""
        if not self._points:
            self._points.append(tuple(self.point(f) for f in range(len(self))))
        return self._points[0]

    def __len__(self) -> int:
        return len(self.counts)

    def point(self, f: int) -> FrontierPoint:
        """Point `f` as a `FrontierPoint`."""
        return FrontierPoint(
            _to_fractions(self.scaled[f].tolist(), self.denominators),
            tuple(int(j) for j in self.packages[f].tolist()),
            self.counts[f],
        )

    def score_ints(self, package: Package) -> list[int]:
        """Any package's scaled scores (same scale as `scaled`), from the per-issue tables."""
        rows = [table[j].tolist() for table, j in zip(self.tables, package, strict=True)]
        return (
            [sum(col) for col in zip(*rows, strict=True)] if rows else [0] * len(self.denominators)
        )

    def ints(self) -> list[list[int]]:
        """Scaled scores as Python ints, one list per party (exact, any size; built once)."""
        if not self._ints:
            self._ints.append([list(map(int, col)) for col in self.scaled.T.tolist()])
        return self._ints[0]

    def floor(self, values: Sequence[Exact]) -> list[int]:
        """The least scaled integer at or above each party's value (for `scaled >= value`)."""
        check_vector(self.space, values, "values")
        return [math.ceil(Fraction(v) * d) for v, d in zip(values, self.denominators, strict=True)]

    def at_least(self, values: Sequence[Exact]) -> Array:
        """Indices of the points scoring at least `values` for every party."""
        if not len(self):
            return np.zeros(0, dtype=np.intp)
        floor = self.floor(values)
        if self.scaled.dtype == np.int64:  # scores stay within +-2**62: clamping keeps >=
            floor = [min(max(f, -(2**63)), 2**63 - 1) for f in floor]
        return np.flatnonzero(
            np.all(self.scaled >= np.array(floor, dtype=self.scaled.dtype), axis=1)
        )


# --- exact integer scaling ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Scaled:
    """Per-party integer scores: `tables[i][j, p] = scores[i][j][p] * denominators[p]`."""

    denominators: tuple[int, ...]
    tables: tuple[Array, ...]
    count_dtype: type


def _scale(space: Space) -> _Scaled:
    k = len(space.parties)
    cells = [[Fraction(row[p]) for rows in space.scores for row in rows] for p in range(k)]
    dens = tuple(math.lcm(*(x.denominator for x in col)) for col in cells)
    ints = [
        [[int(Fraction(x) * d) for x, d in zip(row, dens, strict=True)] for row in rows]
        for rows in space.scores
    ]
    bound = max((sum(max(abs(r[p]) for r in rows) for rows in ints) for p in range(k)), default=0)
    dtype: type = np.int64 if bound < _INT64_SAFE else object
    tables: tuple[Array, ...] = tuple(
        np.array(rows, dtype=dtype).reshape(len(rows), k) for rows in ints
    )
    counts: type = np.int64 if space.size < 2**63 else object
    return _Scaled(dens, tables, counts)


def _to_fractions(row: Sequence[int], dens: Sequence[int]) -> tuple[Fraction, ...]:
    return tuple(map(Fraction, row, dens))


# --- frontier by issue-by-issue merge and prune ------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Stage:
    """Non-dominated partial sums after some issues, with counts and back-pointers."""

    points: Array  # (k, F) scaled scores per party; points sorted descending lexicographically
    counts: Array  # (F,) packages reaching each point
    parent: Array  # (F,) index of the prefix point in the previous stage
    option: Array  # (F,) option chosen on this stage's issue


def frontier(space: Space) -> Frontier:
    """Exact Pareto frontier of the whole package space, without enumerating it.

    Each issue costs one merge of (options x current frontier) candidates, so the work is
    about n * m * F log F for n issues, m options and a frontier of F points. With two
    parties the frontier is a staircase (at most one point per distinct score of party 0) and
    pruning is a running maximum: tens of thousands of points over 40 issues take well under
    a second. With more parties the frontier is a (k-1)-dimensional surface and can hold a
    large share of all distinct score vectors, growing much faster with n. Three parties are
    pruned by divide and conquer in F log^2 F (thousands of points in milliseconds); four or
    more by block-wise comparison with the kept points, quadratic in F (fine for thousands of
    points, impractical for millions).
    """
    scaled = _scale(space)
    stages = _stages(scaled, len(space.parties))
    last = stages[-1]
    return Frontier(
        space,
        last.points.T,
        scaled.denominators,
        _backtrack(stages),
        tuple(int(c) for c in last.counts.tolist()),
        scaled.tables,
    )


def _stages(scaled: _Scaled, k: int) -> list[_Stage]:
    dtype = scaled.tables[0].dtype if scaled.tables else np.int64
    zero = np.zeros(1, dtype=np.intp)
    stages = [_Stage(np.zeros((k, 1), dtype=dtype), np.ones(1, scaled.count_dtype), zero, zero)]
    scratch = _Scratch()
    for table in scaled.tables:
        stages.append(_step(stages[-1], table, scratch))
    return stages


class _Scratch:
    """Working arrays reused by every merge of one frontier, grown (doubled) as it grows.

    Each issue's merge needs arrays a little larger than the last one's; fresh memory for
    each would be fresh pages from the system every time (a fifth of the merge's time).
    """

    def __init__(self) -> None:
        self._arrays: dict[str, Array] = {}

    def get(self, name: str, size: int, dtype: Any = np.int64) -> Array:
        """An uninitialised array of `size` elements, reused by the next call of this name."""
        have = self._arrays.get(name)
        if have is None or len(have) < size:
            grown = max(size, 2 * len(have)) if have is not None else size
            have = self._arrays[name] = np.empty(grown, dtype=dtype)
        return have[:size]


def _step(stage: _Stage, table: Array, scratch: _Scratch | None = None) -> _Stage:
    """Add one issue: shift the frontier by every option, merge, keep non-dominated points."""
    if len(table.T) == 2 and table.dtype == np.int64:
        dense = _step_dense(stage, table, scratch or _Scratch())
        if dense is not None:
            return dense
    size = stage.points.shape[1]
    cand = (table.T[:, :, None] + stage.points[:, None, :]).reshape(table.shape[1], -1)
    order, survivors, first = _prune_2d(cand) if len(cand) == 2 else _prune_kd(cand)
    chosen = order[survivors]  # candidate c = option * size + parent
    heads = chosen[first]
    counts = stage.counts[chosen % size]
    if len(chosen) != len(heads):
        counts = np.add.reduceat(counts, np.flatnonzero(first))
    return _Stage(cand[:, heads], counts, heads % size, heads // size)


def _step_dense(
    stage: _Stage, table: Array, scratch: _Scratch, ratio: float = 0.0
) -> _Stage | None:
    """Two parties: the merge of `_step` on a grid of one party's scores, without a sort.

    The staircase is the best score of one party at each score of the other, `best[s]`,
    kept where it beats every `best` of a higher score. Each shifted copy of the frontier
    writes into the grid at its scores (distinct within a copy: no clashes) a key packing the
    other party's score above the option's rank, so that the largest key is the best score
    and, on a tie, the first option: a point's representative is its first candidate in
    option-then-parent order, as with the sort. A candidate meeting an equal score records
    a tie, counted if that score stays the best. Used when the grid of the party with the
    narrower span has at most `ratio` (default `DENSE`) cells per candidate and the keys fit
    int64; None otherwise.
    """
    points, size, m = stage.points, stage.points.shape[1], len(table)
    spans = [
        int(points[p].max()) - int(points[p].min()) + int(table[:, p].max() - table[:, p].min()) + 1
        for p in (0, 1)
    ]
    on = 0 if spans[0] <= spans[1] else 1  # grid party: its scores index the grid
    other, span, bits = 1 - on, spans[on], (m - 1).bit_length()
    top = int(np.abs(points[other]).max()) + int(np.abs(table[:, other]).max())
    if span > (ratio or DENSE) * m * size or top >= 1 << (61 - bits):
        return None
    low, shift = int(points[on].min()), int(table[:, on].min())
    base = points[on] - low  # 0 .. span: the cell of each point before the option's shift
    packed = points[other] << bits
    best, value, above = (scratch.get(name, span) for name in ("best", "value", "above"))
    best.fill(_LOW)
    at, key, held, high, score = (scratch.get(n, size) for n in ("at", "key", "held", "hi", "sc"))
    same = scratch.get("same", size, bool)
    ties: list[tuple[Array, Array, Array]] = []  # (cells, scores, parents) of equal candidates
    for j, (a, b) in enumerate(table[:, [on, other]].tolist()):
        np.add(base, a - shift, out=at)
        np.add(packed, (b << bits) | (m - 1 - j), out=key)
        np.take(best, at, out=held)
        np.right_shift(held, bits, out=high)
        np.right_shift(key, bits, out=score)
        np.equal(high, score, out=same)
        if same.any():
            tie = np.flatnonzero(same)
            ties.append((at[tie], score[tie], tie))
        np.maximum(held, key, out=held)
        best[at] = held
    np.right_shift(best, bits, out=value)
    np.maximum.accumulate(value[::-1], out=above[::-1])  # above[s] = max(value[s:])
    kept = np.flatnonzero(np.append(value[:-1] > above[1:], best[-1] > _LOW))
    if on == 0:
        kept = kept[::-1]  # party 0's scores descending, as the stages are sorted
    option = (m - 1) - (best[kept] & ((1 << bits) - 1))
    where = scratch.get("where", span)
    where[base] = np.arange(size)
    parent = where[kept - (table[option, on] - shift)]
    counts = stage.counts[parent]
    if ties:
        cells, scores, parents = (np.concatenate(t) for t in zip(*ties, strict=True))
        place = np.full(span, -1, dtype=np.int64)
        place[kept] = np.arange(len(kept))
        counted = (place[cells] >= 0) & (scores == value[cells])
        np.add.at(counts, place[cells[counted]], stage.counts[parents[counted]])
    grid = np.empty((2, len(kept)), dtype=np.int64)
    grid[on], grid[other] = kept + (low + shift), value[kept]
    return _Stage(grid, counts, parent, option)


def _prune_2d(cand: Array) -> tuple[Array, Array, Array]:
    """Staircase filter; returns (sort order, positions of survivors in it, first-of-point mask).

    Each shifted copy of the frontier is sorted, so a stable sort on party 0 only merges runs.
    A record (party 1 above everything before it) is efficient unless the next record has the
    same party-0 score; copies of an efficient point follow it within its party-0 score.
    """
    order = _descending(cand[0])
    a, b = cand[0, order], cand[1, order]
    record = np.flatnonzero(np.concatenate(([True], b[1:] > np.maximum.accumulate(b)[:-1])))
    heads = record[np.append(a[record[1:]] != a[record[:-1]], True)]
    members, owners = [heads], [np.arange(len(heads))]
    live, shift = owners[0], 1
    while len(live):  # a party-0 score occurs at most once per copy: at most `options` rounds
        live = live[heads[live] + shift < len(a)]
        live = live[a[heads[live] + shift] == a[heads[live]]]
        copy = b[heads[live] + shift] == b[heads[live]]
        members.append(heads[live[copy]] + shift)
        owners.append(live[copy])
        shift += 1
    if sum(map(len, members)) == len(heads):
        return order, heads, np.ones(len(heads), dtype=bool)
    grouped = np.argsort(np.concatenate(owners), kind="stable")
    return order, np.concatenate(members)[grouped], _firsts(np.concatenate(owners)[grouped])


def _descending(values: Array) -> Array:
    """`np.argsort(-values, kind="stable")`, faster when the values are small int64.

    Each value's distance from the maximum and its index are packed into one int64 key, so a
    plain sort of the keys (indices are unique: ties fall back on index order, as a stable
    sort keeps them) replaces the indirect sort; timsort still merges the presorted runs.
    """
    n = len(values)
    if values.dtype == np.int64 and n:
        top, low = int(values.max()), int(values.min())
        bits = max(1, (n - 1).bit_length())
        if top - low < 1 << (62 - bits):
            keys = ((top - values) << bits) | np.arange(n, dtype=np.int64)
            keys.sort(kind="stable")
            return keys & ((1 << bits) - 1)
    return np.argsort(-values, kind="stable")


def _prune_kd(cand: Array) -> tuple[Array, Array, Array]:
    """Lexicographic sort, merge equal points, block-wise k-dimensional dominance filter."""
    order = np.lexsort(-cand[::-1])
    ranked = cand[:, order]
    starts = np.flatnonzero(np.concatenate(([True], (ranked[:, 1:] != ranked[:, :-1]).any(0))))
    kept = np.flatnonzero(_undominated(ranked[:, starts].T))
    pos, group = _members(starts, ranked.shape[1], kept)
    return order, pos, _firsts(group)


def _members(starts: Array, total: int, kept: Array) -> tuple[Array, Array]:
    """Positions of every element of the kept runs (runs given by start), and their run."""
    sizes = np.append(starts, total)[kept + 1] - starts[kept]
    group = np.repeat(np.arange(len(kept)), sizes)
    offset = np.repeat(starts[kept] - np.cumsum(sizes) + sizes, sizes)
    return offset + np.arange(len(group)), group


def _firsts(group: Array) -> Array:
    return np.concatenate(([True], group[1:] != group[:-1])) if len(group) else group == 0


def _undominated(points: Array) -> Array:
    """Mask of non-dominated rows among distinct rows sorted descending lexicographically.

    Only an earlier row can dominate a later one (a dominator is lexicographically larger).
    """
    if points.shape[1] == 2:
        b = points[:, 1]
        return np.concatenate(([True], b[1:] > np.maximum.accumulate(b)[:-1]))
    if points.shape[1] == 3:
        return ~_dominated_3d(points)
    return ~_dominated_blockwise(points)


def _dominated_3d(points: Array) -> Array:
    """Divide and conquer over the sorted rows in O(n log^2 n), one vectorised pass per level.

    At block width w, each left block of w rows is matched against the right block after it:
    a right row is dominated by a left row iff the left row is >= in parties 1 and 2 (party 0
    is already >= by the order). Sorting each pair of blocks by party 1 descending, left rows
    first on ties, turns that into a running maximum of party 2 over left rows. Every ordered
    pair of rows meets in exactly one level. Scores are replaced by ranks so that one int64 key
    can hold (pair of blocks, rank), whatever the size of the scores.
    """
    n = len(points)
    b, c = (np.unique(points[:, q], return_inverse=True)[1].astype(np.int64) for q in (1, 2))
    index = np.arange(n, dtype=np.int64)
    dominated = np.zeros(n, dtype=bool)
    width = 1
    while width < n:
        pair, right = index // (2 * width), (index // width) % 2 == 1
        order = np.argsort((pair * (n + 1) + n - b) * 2 + right)
        base = pair[order] * (n + 1)
        best = np.maximum.accumulate(np.where(right[order], base, base + c[order] + 1))
        beaten = right[order] & (best - base > c[order])
        dominated[order[beaten]] = True
        width *= 2
    return dominated


def _dominated_blockwise(points: Array) -> Array:
    """Any k: check each block against the rows kept so far and the earlier rows of the block.

    A dominated dominator is itself dominated by a kept row (transitivity), so comparing with
    kept rows only is enough. Quadratic in the number of points.
    """
    dominated = np.zeros(len(points), dtype=bool)
    kept: list[Array] = []
    for start in range(0, len(points), _BLOCK):
        block = points[start : start + _BLOCK]
        beaten = np.all(block[None, :, :] >= block[:, None, :], axis=2)
        lost = np.any(np.tril(beaten, -1), axis=1)
        for chunk in _chunks(kept):
            lost |= np.any(np.all(chunk[None, :, :] >= block[:, None, :], axis=2), axis=1)
        dominated[start : start + len(block)] = lost
        kept.append(block[~lost])
    return dominated


def _chunks(kept: list[Array]) -> Iterator[Array]:
    if kept:
        rows = np.concatenate(kept)
        for start in range(0, len(rows), _CHUNK):
            yield rows[start : start + _CHUNK]


def _backtrack(stages: list[_Stage]) -> Array:
    """One representative package per final point, following back-pointers (vectorised).

    Option indices are stored in the smallest integer type that holds them (tens of
    thousands of points times dozens of issues).
    """
    size = stages[-1].points.shape[1]
    most = max((int(stage.option.max()) for stage in stages[1:] if len(stage.option)), default=0)
    out = np.empty((size, len(stages) - 1), dtype=np.min_scalar_type(most))
    index = np.arange(size)
    for i in range(len(stages) - 1, 0, -1):
        out[:, i - 1] = stages[i].option[index]
        index = stages[i].parent[index]
    return out


def brute_force_frontier(space: Space) -> Frontier:
    """Reference frontier by enumerating every package (tests and benchmarks only).

    Memory grows with `space.size` (k int64 per package); representatives are the first
    package in lexicographic order of option indices.
    """
    scaled = _scale(space)
    k = len(space.parties)
    dtype = scaled.tables[0].dtype if scaled.tables else np.int64
    totals = np.zeros((1, k), dtype=dtype)
    for table in scaled.tables:
        totals = (totals[:, None, :] + table[None, :, :]).reshape(-1, k)
    order = np.lexsort([-totals[:, c] for c in reversed(range(k))])
    ranked = totals[order]
    starts = np.flatnonzero(np.concatenate(([True], (ranked[1:] != ranked[:-1]).any(axis=1))))
    counts = np.diff(np.append(starts, len(ranked)))
    kept = np.flatnonzero(_undominated(ranked[starts]))
    shape = tuple(len(names) for names in space.options)
    firsts = order[starts[kept]]
    packages = (
        np.stack(np.unravel_index(firsts, shape), axis=1)
        if shape
        else np.zeros((len(kept), 0), dtype=np.intp)
    )
    return Frontier(
        space,
        ranked[starts[kept]],
        scaled.denominators,
        packages,
        tuple(int(c) for c in counts[kept].tolist()),
        scaled.tables,
    )


def packages_at(space: Space, scores: Sequence[Exact]) -> Iterator[Package]:
    """Every package scoring exactly `scores`, a frontier point (in no particular order).

    It rebuilds the frontier, then walks issues backwards through prefix-frontier points only;
    every step leads to a package, so the walk costs O(issues x options) per package found
    (how many there are is `FrontierPoint.count`).

    Raises:
        ValueError: `scores` is not a point of the frontier.
    """
    check_vector(space, scores, "scores")
    scaled = _scale(space)
    stages = _stages(scaled, len(space.parties))
    lookups = [set(zip(*stage.points.tolist(), strict=True)) for stage in stages]
    scaled_scores = [Fraction(s) * d for s, d in zip(scores, scaled.denominators, strict=True)]
    target = tuple(int(x) for x in scaled_scores)
    if target not in lookups[-1] or any(x.denominator != 1 for x in scaled_scores):
        raise ValueError(f"{tuple(scores)!r} is not a point of the Pareto frontier")
    rows = [table.tolist() for table in scaled.tables]
    return _walk_back(rows, lookups, len(rows), target)


def _walk_back(
    rows: list[list[list[int]]],
    lookups: list[set[tuple[int, ...]]],
    issues: int,
    target: tuple[int, ...],
) -> Iterator[Package]:
    """Packages of the first `issues` issues reaching `target` through prefix-frontier points.

    Depth-first with an explicit stack (a plan may have thousands of issues).
    """
    stack: list[tuple[int, tuple[int, ...], Package]] = [(issues, target, ())]
    while stack:
        left, goal, suffix = stack.pop()
        if left == 0:
            yield suffix
            continue
        found = []
        for j, row in enumerate(rows[left - 1]):
            prefix = tuple(t - r for t, r in zip(goal, row, strict=True))
            if prefix in lookups[left - 1]:
                found.append((left - 1, prefix, (j, *suffix)))
        stack.extend(reversed(found))


# --- acceptability -----------------------------------------------------------------------------


def acceptable(front: Frontier, reservation: Sequence[Exact]) -> tuple[FrontierPoint, ...]:
    """Frontier points acceptable to every party: the efficient part of the ZOPA."""
    return tuple(front.point(f) for f in front.at_least(reservation).tolist())


def acceptable_packages(space: Space, reservation: Sequence[Exact]) -> Iterator[Package]:
    """Every package acceptable to every party (the multi-issue ZOPA), in lexicographic order.

    Depth-first over issues, cutting any prefix that cannot reach some party's reservation even
    with that party's best options on the remaining issues. The ZOPA itself can hold billions of
    packages: take what you need with `itertools.islice`, or use `acceptable()` on the frontier.
    """
    check_vector(space, reservation, "reservation")
    scaled = _scale(space)
    floor = [
        math.ceil(Fraction(r) * d) for r, d in zip(reservation, scaled.denominators, strict=True)
    ]
    rows = [table.tolist() for table in scaled.tables]
    reach = [[0] * len(floor)]  # reach[-1 - i]: best each party can add from issue i onwards
    for table in reversed(rows):
        reach.append(
            [best + max(col) for best, col in zip(reach[-1], zip(*table, strict=True), strict=True)]
        )
    reach.reverse()
    return _walk_forward(rows, reach, floor, [0] * len(floor), ())


def _walk_forward(
    rows: list[list[list[int]]],
    reach: list[list[int]],
    floor: list[int],
    total: list[int],
    prefix: Package,
) -> Iterator[Package]:
    """Depth-first, in lexicographic order, with an explicit stack (thousands of issues)."""

    def viable(sums: list[int], issue: int) -> bool:
        return all(t + r >= f for t, r, f in zip(sums, reach[issue], floor, strict=True))

    start = len(prefix)
    if not viable(total, start):
        return
    if start == len(rows):
        yield prefix
        return
    path = list(prefix)
    totals = [total]
    choices = [0]  # the next option to try at each depth below `start`
    while choices:
        issue = start + len(choices) - 1
        j = choices[-1]
        if j >= len(rows[issue]):
            choices.pop()
            totals.pop()
            if len(path) > start:
                path.pop()
            continue
        choices[-1] = j + 1
        step = [t + r for t, r in zip(totals[-1], rows[issue][j], strict=True)]
        if not viable(step, issue + 1):
            continue
        if issue + 1 == len(rows):
            yield (*path, j)
            continue
        path.append(j)
        totals.append(step)
        choices.append(0)
