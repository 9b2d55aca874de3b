"""Entry point for `streamlit run` and Streamlit Community Cloud.

Kept at the repository root so that `streamlit run streamlit_app.py` puts the root on
sys.path and the `dashboard` package imports without installing it.
"""

from dashboard.app import main

main()
