# small-project.sh — sourced by CLI golden cases: writes three short
# transcripts (two employees, one customer) and a four-theme codebook into
# the current directory, so that outputs are small and stable.
cat > E1.txt <<'TXT'
---
informant: E1
group: employee
role: myyjä
---
I: Mistä luottamus syntyy?
E1: Luottamus syntyy pitkän ajan.
I: Entä hinta?
E1: Hinta ratkaisee aina lopulta ihan kaiken.
TXT
cat > E2.txt <<'TXT'
---
informant: E2
group: employee
---
I: Miten pidätte yhteyttä?
E2: Me soitamme asiakkaille joka kuukausi.
I: Ja luottamus?
E2: Luotan siihen että asiat hoituu ja
asiakas saa sen mitä luvattiin ilman turhaa säätöä.
TXT
cat > C1.txt <<'TXT'
---
informant: C1
group: customer
---
Haastattelija: Miten tilaaminen sujuu?
C1: Tilaaminen on aina helppoa, kun kaikki toimii [naurua] heti.
Haastattelija: Muuta?
C1: Ei muuta.
TXT
cat > small.codebook <<'CB'
codebook: pieni
language: fi

theme experience
  label.fi: Asiakaskokemus
  label.en: Customer experience

theme trust
  parent: experience
  label.fi: Luottamus
  label.en: Trust
  colour: #2ca02c
  rule: lemma:luottamus OR lemma:luottaa

theme effort
  parent: experience
  label.fi: Vaivattomuus
  label.en: Effortlessness
  rule: lemma:helppo OR lemma:helposti

theme price
  label.fi: Hinnan määrä
  label.en: Price
  rule: lemma:hinta
CB
