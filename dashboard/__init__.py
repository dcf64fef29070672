"""The Streamlit dashboard: a thin view over :mod:`geo`.

Pure modules (``filters``, ``maps``, ``charts``, ``markup``, ``style``, ``basemap``) never import
Streamlit; ``app``, ``state``, ``data`` and ``views/`` are the only Streamlit modules.
"""
