"""Streamlit panels: each has ``render(...)`` and calls pure builders as module attributes."""
