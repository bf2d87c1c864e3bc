"""Build hooks that are plain functions: the PDF the dev server serves."""

from __future__ import annotations

from pathlib import Path

import pytest

from docs_build.hooks import _copy_prebuilt_pdf
from docs_build.pdf import PDF_NAME


def test_dev_server_site_gets_the_pdf_make_build_wrote(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    prebuilt = tmp_path / "site" / PDF_NAME
    prebuilt.parent.mkdir()
    prebuilt.write_bytes(b"%PDF-1.7 built by make build")
    served = tmp_path / "served"
    served.mkdir()
    monkeypatch.setenv("HANDBOOK_PDF", str(prebuilt))
    _copy_prebuilt_pdf(served)
    assert (served / PDF_NAME).read_bytes() == prebuilt.read_bytes()


def test_without_a_prebuilt_pdf_nothing_is_copied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HANDBOOK_PDF", str(tmp_path / "missing.pdf"))
    _copy_prebuilt_pdf(tmp_path)
    monkeypatch.delenv("HANDBOOK_PDF")
    _copy_prebuilt_pdf(tmp_path)
    assert not (tmp_path / PDF_NAME).exists()
