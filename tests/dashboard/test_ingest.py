"""Uploads in every accepted format become article text; anything else is refused in words."""

from __future__ import annotations

import io

import pytest

from dashboard import ingest

SENTENCE = "Statsministeren sa onsdag at Norge vil sende mer hjelp til Ukraina etter møtet."


def _docx(paragraphs: list[str]) -> bytes:
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _pdf(text: str) -> bytes:
    """A one-page PDF whose text layer holds ``text`` (Helvetica, ASCII only)."""
    from pypdf import PdfWriter
    from pypdf.generic import (
        DecodedStreamObject,
        DictionaryObject,
        NameObject,
    )

    writer = PdfWriter()
    page = writer.add_blank_page(width=595, height=842)
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
        }
    )
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/Font"): DictionaryObject({NameObject("/F1"): writer._add_object(font)})}
    )
    stream = DecodedStreamObject()
    stream.set_data(f"BT /F1 12 Tf 72 760 Td ({text}) Tj ET".encode("latin-1"))
    page[NameObject("/Contents")] = writer._add_object(stream)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_html_keeps_the_visible_paragraphs_and_drops_scripts_and_menus() -> None:
    raw = (
        "<html><head><style>p{color:red}</style><script>var x = 'hidden code';</script></head>"
        "<body><nav>Forside Nyheter Sport</nav><h1>Hjelp til Ukraina</h1>"
        f"<p>{SENTENCE}</p><footer>Kontakt oss</footer></body></html>"
    ).encode()
    text = ingest.extract_text(raw, "sak.html").decode()
    assert text.splitlines()[0] == "Hjelp til Ukraina"
    assert SENTENCE in text
    for hidden in ("hidden code", "color:red", "Forside", "Kontakt oss"):
        assert hidden not in text


def test_docx_paragraphs_become_text() -> None:
    text = ingest.extract_text(_docx(["Hjelp til Ukraina", SENTENCE]), "sak.docx").decode()
    assert text == f"Hjelp til Ukraina\n\n{SENTENCE}"


def test_pdf_text_layer_becomes_text() -> None:
    line = "The minister said on Wednesday that more aid would go to Kyiv."
    text = ingest.extract_text(_pdf(line), "report.pdf").decode()
    assert line in text


def test_txt_passes_through_with_its_front_matter() -> None:
    raw = f"---\npublished: 2025-08-14\n---\n{SENTENCE}\n".encode()
    assert ingest.extract_text(raw, "sak.txt") == raw


@pytest.mark.parametrize(
    ("name", "raw", "says"),
    [
        pytest.param("scan.pdf", _pdf(" "), "scanned PDF", id="pdf-without-text"),
        pytest.param("broken.docx", b"PK\x03\x04 not a zip", "Word document", id="bad-docx"),
        pytest.param("broken.pdf", b"%PDF-1.4 nothing", "could not be opened as a PDF",
                     id="bad-pdf"),
        pytest.param("sheet.xlsx", b"PK\x03\x04", "“.xlsx” files cannot be read here",
                     id="unknown-kind"),
        pytest.param("README", SENTENCE.encode(), "without an extension", id="no-suffix"),
        pytest.param("blank.txt", b"   \n\n  ", "No article text", id="blank-text"),
    ],
)  # fmt: skip
def test_unreadable_files_are_refused_saying_what_to_do(name: str, raw: bytes, says: str) -> None:
    with pytest.raises(ingest.UploadError) as caught:
        ingest.extract_text(raw, name)
    message = str(caught.value)
    assert says in message
    assert name in message
    assert "application/" not in message
    assert "text/" not in message


@pytest.mark.parametrize(
    ("text", "code"),
    [
        pytest.param("Macron sa i går at Europa står samlet bak Ukraina i dag.", "nb",
                     id="short-bokmal-not-swedish"),
        pytest.param("Eg trur ikkje at dei kjem frå Kyiv i dag, sa ho.", "nn", id="nynorsk"),
        pytest.param("Regeringen säger att förhandlingarna fortsätter och att Sverige står "
                     "bakom Ukraina.", "sv", id="swedish"),
        pytest.param("Regeringen siger at forhandlingerne fortsætter, og at Danmark står bag "
                     "Ukraine efter mødet.", "da", id="danish"),
        pytest.param("Der Präsident sagte am Mittwoch, dass die Gespräche weitergehen würden.",
                     "de", id="german"),
        pytest.param("The president said on Wednesday that the talks would go on.", "en",
                     id="english"),
    ],
)  # fmt: skip
def test_the_language_is_named(text: str, code: str) -> None:
    assert ingest.detect_language(text) == code


def test_a_language_the_app_has_no_name_for_is_named_from_iso_639() -> None:
    assert ingest.language_name("ca") == "Catalan"
    assert ingest.language_name("nb") != "nb"
    assert ingest.language_name("zz") == "zz"
