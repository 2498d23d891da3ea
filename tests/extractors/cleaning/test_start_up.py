"""A process that only cleans pages imports neither the settings nor pydantic-settings."""

from __future__ import annotations

import subprocess
import sys


def test_the_cleaner_imports_no_settings() -> None:
    code = (
        "import sys\n"
        "from extractors.cleaning.clean import clean\n"
        "from newsflow.core.errors import InputError\n"
        "from sources.local import load_local\n"
        "import newsflow\n"
        "assert 'pydantic_settings' not in sys.modules, 'settings imported'\n"
        "assert newsflow.get_settings is newsflow.core.get_settings\n"
        "assert 'pydantic_settings' in sys.modules\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
