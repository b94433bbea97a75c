"""Source-maintenance helper: moves honorifics/titles out of PERSON markup (names are annotated without titles)."""
import re, glob, os
os.chdir(os.path.join(os.path.dirname(os.path.abspath(__file__)), "pii"))
pat = re.compile(r"⟦P\|((?:Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Prof\.?|Rev\.?|MR|Aunt|Cousin|[Gg]randpa|Grandma|Pastor|Herr|Herrn|Frau|Familie|Mme|M\.|Sr\.|Sra\.|Dña\.|Don|Doña|Monsieur|Madame|Señor|Señora|Dra\.|Ing\.|Dipl\.-Ing\.|Maître|Me|Tía|Tío|Oma|Opa) )")
for p in sorted(glob.glob("*.txt")):
    s = open(p, encoding="utf-8").read()
    n = pat.sub(lambda m: m.group(1) + "⟦P|", s)
    if n != s:
        open(p, "w", encoding="utf-8").write(n); print("fixed titles in", p)
