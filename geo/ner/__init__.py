"""Statistical named-entity recognition: a CRF trained on NorNE, shipped as package data.

:func:`load_recogniser` loads the models once; :meth:`Recogniser.recognise` returns the
names of an article as :class:`~geo.model.EntitySpan`. ``python -m geo train-ner`` rebuilds
the models (:mod:`geo.ner.train`).
"""

from geo.ner.tagger import Recogniser, load_recogniser

__all__ = ["Recogniser", "load_recogniser"]
