"""Deduplicated vocabularies of phrases, and phrase-against-phrase scores."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
from rapidfuzz import fuzz, process
from scipy import sparse

from .taxonomy import Taxonomy
from .text import normalise

# Phrase-level scores (0–1): how sure we are two phrases mean the same skill.
SAME_SKILL = 1.0


RELATED_SKILL = 0.6
# A skill the resident's implies (a "skovarbejder" fells trees): nearly full marks.
IMPLIED_SKILL = 0.9


# Text similarity (rapidfuzz, 0–100) for phrases the taxonomy does not know.
NEAR_TEXT_CUTOFF = 88


# Spelling variants of taxonomy words (rapidfuzz ratio, 0–100).
# A reading below this is weak enough to try a spelling variant as well.
WEAK_READING = 0.85
SPELLING_CUTOFF = 85


class _Vocabulary:
    """Deduplicated normalised phrases with their taxonomy mappings, as a matrix."""

    def __init__(self, taxonomy: Taxonomy, phrases: Iterable[str]):
        self.taxonomy = taxonomy
        self.index: dict[str, int] = {}
        for phrase in phrases:
            key = normalise(phrase)
            if key and key not in self.index:
                self.index[key] = len(self.index)
        self.keys = list(self.index)
        self.mappings = self._map_all()
        self.matrix = self._matrix()

    def _map_all(self) -> list[dict[int, tuple[float, str, str]]]:
        mappings = [self.taxonomy.lookup(key) for key in self.keys]
        # Phrases read not at all, or only weakly (a hint from a compound): a
        # spelling variant of a taxonomy word may read them better.
        unmapped = [
            i
            for i, m in enumerate(mappings)
            if not m or max(value[0] for value in m.values()) < WEAK_READING
        ]
        if unmapped and self.taxonomy.vocabulary:
            queries = [self.keys[i] for i in unmapped]
            scores = process.cdist(
                queries,
                self.taxonomy.vocabulary,
                scorer=fuzz.ratio,
                score_cutoff=SPELLING_CUTOFF,
                dtype=np.uint8,
                workers=-1,
            )
            rows, cols = np.nonzero(scores)
            for row, col in zip(rows.tolist(), cols.tolist(), strict=True):
                word = self.taxonomy.vocabulary[col]
                confidence = 0.6 + 0.35 * (int(scores[row, col]) - SPELLING_CUTOFF) / (
                    100 - SPELLING_CUTOFF
                )
                mapping = mappings[unmapped[row]]
                for index, _kind in self.taxonomy.words[word]:
                    if confidence > mapping.get(index, (0.0,))[0]:
                        mapping[index] = (confidence, "spelling", word)
        return mappings

    def _matrix(self) -> sparse.csr_matrix:
        rows, cols, values = [], [], []
        for row, mapping in enumerate(self.mappings):
            for index, (confidence, _how, _word) in mapping.items():
                rows.append(row)
                cols.append(index)
                values.append(confidence)
        return sparse.csr_matrix(
            (np.asarray(values, dtype=np.float32), (rows, cols)),
            shape=(len(self.keys), len(self.taxonomy.skills)),
        )


def _phrase_scores(
    taxonomy: Taxonomy, required: _Vocabulary, offered: _Vocabulary
) -> sparse.csr_matrix:
    """Score every required phrase against every offered phrase (0–1, sparse)."""
    same = (required.matrix @ offered.matrix.T).tocsr()
    same.data = np.minimum(same.data, 1.0) * SAME_SKILL
    related = (required.matrix @ taxonomy.related @ offered.matrix.T).tocsr()
    related.data = np.minimum(related.data, 1.0) * RELATED_SKILL
    scores = same.maximum(related)
    if taxonomy.implies.nnz:
        # required[r, b] · implies[a, b] · offered[o, a]: the offered skill a
        # includes the required b.
        implied = (required.matrix @ taxonomy.implies.T @ offered.matrix.T).tocsr()
        implied.data = np.minimum(implied.data, 1.0) * IMPLIED_SKILL
        scores = scores.maximum(implied)
    # Phrases the taxonomy does not know can still match each other as text — only
    # those, so look-alikes the taxonomy tells apart stay apart. One cdist over just
    # these two parts of the vocabularies (the rest could never score as text).
    free_required = np.flatnonzero(np.diff(required.matrix.indptr) == 0)
    free_offered = np.flatnonzero(np.diff(offered.matrix.indptr) == 0)
    if free_required.size and free_offered.size:
        text = process.cdist(
            [required.keys[i] for i in free_required.tolist()],
            [offered.keys[i] for i in free_offered.tolist()],
            scorer=fuzz.token_set_ratio,
            score_cutoff=NEAR_TEXT_CUTOFF,
            dtype=np.uint8,
            workers=-1,
        )
        rows, cols = np.nonzero(text)
        if rows.size:
            text = sparse.csr_matrix(
                (
                    text[rows, cols].astype(np.float32) / 100.0 * 0.85,
                    (free_required[rows], free_offered[cols]),
                ),
                shape=scores.shape,
            )
            scores = scores.maximum(text)
    scores = scores.tocsr()
    scores.eliminate_zeros()
    return scores
