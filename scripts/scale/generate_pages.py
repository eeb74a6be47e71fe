#!/usr/bin/env python3
"""Generates a synthetic site for the scale benchmark: a copy of the repository's own site
(content/, a hosted-portal repository), plus N pages in English and the same N in Spanish (2N
files in all), with varied, realistic Markdown: sections, nested lists, aligned tables, button
rows, emphasis, and links between the pages (some with #anchors). The same N and seed always give
the same site.

Usage: generate_pages.py N OUT_DIR [--seed S]
Writes the site's folder OUT_DIR/site/ (build it with `SCC_CONTENT=OUT_DIR/site trunk build`).
"""
import argparse
import os
import random
import shutil

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

TAXA = ["Coleoptera", "Lepidoptera", "Bryophyta", "Pinophyta", "Mollusca", "Aves", "Mammalia",
        "Reptilia", "Amphibia", "Actinopterygii", "Fungi", "Lichenes", "Foraminifera", "Trilobita",
        "Ammonoidea", "Crinoidea", "Poaceae", "Asteraceae", "Orchidaceae", "Formicidae"]
PLACES = ["Kansas", "Patagonia", "the Andes", "Borneo", "Tasmania", "Yukon", "the Atacama",
          "Madagascar", "the Pyrenees", "Sonora", "Iceland", "the Amazon basin"]
LUGARES = ["Kansas", "la Patagonia", "los Andes", "Borneo", "Tasmania", "el Yukón", "Atacama",
           "Madagascar", "los Pirineos", "Sonora", "Islandia", "la cuenca amazónica"]

EN = {
    "title": "{taxon} collection from {place}",
    "description": "Specimens, loans and data sharing for the {taxon} holdings from {place}",
    "sections": ["Overview", "Holdings", "Digitization", "Loans and exchanges", "Data sharing", "Contacts"],
    "sentences": [
        "The collection holds {n} catalogued specimens of {taxon}, most of them collected in {place}.",
        "Curators record every preparation, determination and loan in *Specify*, so the history of each specimen stays with it.",
        "Field notes, photographs and **georeferences** are attached to the collecting events they describe.",
        "Records are shared with GBIF and other data repositories each month, together with their images.",
        "Students and visiting researchers use the `Specify 7` web interface to query the holdings.",
        "Older ledgers were transcribed between {y1} and {y2}, and the transcriptions were checked against the labels.",
        "Duplicates from {place} were exchanged with partner institutions, and each exchange is tracked as a gift or a loan.",
    ],
    "items": ["Preparations in ethanol", "Dried and pinned material", "Slides and tissue samples",
              "Type specimens", "Field notebooks", "Images and sound recordings"],
    "table": ("Holding", "Specimens", "Digitized"),
    "see_also": "See also",
    "buttons": ("Browse the holdings", "Request a loan"),
    "related": "the {taxon} collection from {place}",
}
ES = {
    "title": "Colección de {taxon} de {place}",
    "description": "Especímenes, préstamos y difusión de datos de los fondos de {taxon} procedentes de {place}",
    "sections": ["Presentación", "Fondos", "Digitalización", "Préstamos e intercambios", "Difusión de datos", "Contactos"],
    "sentences": [
        "La colección alberga {n} especímenes catalogados de {taxon}, en su mayoría recolectados en {place}.",
        "El equipo de curaduría registra en *Specify* cada preparación, determinación y préstamo, de modo que la historia de cada espécimen lo acompaña.",
        "Las libretas de campo, las fotografías y las **georreferencias** se vinculan a los eventos de recolecta que describen.",
        "Los registros se comparten cada mes con GBIF y otros repositorios de datos, junto con sus imágenes.",
        "Estudiantes e investigadores visitantes consultan los fondos mediante la interfaz web de `Specify 7`.",
        "Los libros de registro antiguos se transcribieron entre {y1} y {y2}, y las transcripciones se cotejaron con las etiquetas.",
        "Los duplicados de {place} se intercambiaron con instituciones asociadas, y cada intercambio se registra como donación o préstamo.",
    ],
    "items": ["Preparaciones en etanol", "Material seco y montado en alfileres", "Preparaciones microscópicas y tejidos",
              "Especímenes tipo", "Libretas de campo", "Imágenes y grabaciones sonoras"],
    "table": ("Fondo", "Especímenes", "Digitalizados"),
    "see_also": "Véase también",
    "buttons": ("Explorar los fondos", "Solicitar un préstamo"),
    "related": "la colección de {taxon} de {place}",
}


def slug(text):
    """GitHub-style heading id, as the site's compiler makes it."""
    out = []
    for c in text.lower():
        if c.isalnum() or c in "_-":
            out.append(c)
        elif c in " \t":
            out.append("-")
    return "".join(out)


def page(i, n, lang, rng):
    words = EN if lang == "en" else ES
    places = PLACES if lang == "en" else LUGARES
    taxon, place = TAXA[i % len(TAXA)], places[(i // len(TAXA)) % len(places)]
    prefix = "" if lang == "en" else "/es"
    fill = lambda s: s.format(taxon=taxon, place=place, n=rng.randrange(200, 90000),
                              y1=rng.randrange(1950, 1990), y2=rng.randrange(1995, 2024))
    lines = ["---", f"lang-ref: specimen-{i:05d}", f"title: {fill(words['title'])}",
             f"description: {fill(words['description'])}",
             "background: /assets/images/placeholders/moss.jpg",
             "imageLicense: Specify Collections Consortium", f"height: {rng.choice(['40vh', '45vh', '50vh'])}",
             "---", ""]
    sections = words["sections"][: rng.randrange(3, len(words["sections"]) + 1)]
    for s, heading in enumerate(sections):
        lines += [f"## {heading}", ""]
        for _ in range(rng.randrange(1, 4)):
            lines += [" ".join(fill(s) for s in rng.sample(words["sentences"], rng.randrange(2, 5))), ""]
        kind = (i + s) % 4
        if kind == 0:
            items = rng.sample(words["items"], 4)
            lines += [f"- {items[0]}", f"- {items[1]}", f"  - {items[2]}", f"  - {items[3]}", ""]
        elif kind == 1:
            a, b, c = words["table"]
            lines += [f"| {a} | {b} | {c} |", "| --- |:---:| ---:|"]
            for item in rng.sample(words["items"], 3):
                lines.append(f"| {item} | {rng.randrange(10, 9000)} | {rng.randrange(0, 101)} % |")
            lines.append("")
        elif kind == 2:
            other = rng.randrange(n)
            o_taxon = TAXA[other % len(TAXA)]
            o_place = places[(other // len(TAXA)) % len(places)]
            anchor = slug(words["sections"][0])
            related = words["related"].format(taxon=o_taxon, place=o_place)
            lines += [f"### {words['see_also']}", "",
                      f"[{related}]({prefix}/collections/specimen-{other:05d}/) "
                      f"([{words['sections'][0].lower()}]({prefix}/collections/specimen-{other:05d}/#{anchor}))", ""]
    first, second = words["buttons"]
    nxt = (i + 1) % n
    lines += [f"[{first}]({prefix}/collections/specimen-{nxt:05d}/){{: .button .is-primary}} "
              f"[{second}]({'/es/datos/' if lang == 'es' else '/data/'}){{: .button}}", ""]
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("n", type=int)
    parser.add_argument("out")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    content = os.path.join(args.out, "site")
    shutil.rmtree(args.out, ignore_errors=True)
    shutil.copytree(os.path.join(ROOT, "content"), content)
    rng = random.Random(args.seed)
    for lang, folder in (("en", ""), ("es", "es")):
        target = os.path.join(content, folder, "collections")
        os.makedirs(target, exist_ok=True)
        for i in range(args.n):
            with open(os.path.join(target, f"specimen-{i:05d}.md"), "w", encoding="utf-8") as f:
                f.write(page(i, args.n, lang, rng))
    # Addresses with letters outside ASCII and with a space, linked from the first page in
    # encoded and plain form, as an editor may write either.
    for name, title in (("café-collections", "Café collections"), ("field notes", "Field notes")):
        with open(os.path.join(content, "collections", f"{name}.md"), "w", encoding="utf-8") as f:
            f.write(f"---\ntitle: {title}\n---\n\nA page at an address that needs encoding.\n")
    with open(os.path.join(content, "collections", "specimen-00000.md"), "a", encoding="utf-8") as f:
        f.write("\n[Café](/collections/caf%C3%A9-collections/) [notes](</collections/field notes/>)\n")
    print(f"{2 * args.n} generated pages (+ the real ones) in {content}")


if __name__ == "__main__":
    main()
