#!/usr/bin/env python3
"""Regenerates the encoded and word-processor fixtures in this folder.

The plain UTF-8 transcripts here (hv-colon.txt, label-above.txt, ...) are
written by hand and are not touched by this script. This script writes the
files whose bytes matter and are awkward to edit by hand:

  crlf-mixed.txt     UTF-8, CRLF and LF line ends mixed
  utf16le-bom.txt    UTF-16 LE with BOM, CRLF (what Word's "Unicode text" gives)
  utf16be-bom.txt    UTF-16 BE with BOM, LF
  utf8-bom.txt       UTF-8 with BOM, LF
  cp1252.txt         Windows-1252, CRLF, with ’ – ” … € (0x80-0x9F bytes)
  latin9.txt         ISO-8859-15, LF, with € (0xA4) and š (0xA8)
  bold-label.docx    each turn a paragraph starting with a bold label
  bold-label-odt.odt the same dialect in ODF (a different interview)
  label-para.docx    bold label alone in its own paragraph, speech after it

The output is byte-identical on every run: fixed zip timestamps and
attributes, fixed member order, fixed compression level. (DEFLATE output
depends on the zlib build; on the same zlib it does not change.)

Run from anywhere: python3 tests/data/messy/make-messy.py
"""
import os
import zipfile
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))


def out(name):
    return os.path.join(HERE, name)


def write_bytes(name, data):
    with open(out(name), "wb") as f:
        f.write(data)


def lines_of(text):
    """The text as a list of lines without their ends (text ends in \\n)."""
    assert text.endswith("\n")
    return text[:-1].split("\n")


# ---------------------------------------------------------------- texts

CRLF_MIXED = """\
H: Kiitos kun ehdit. Kerro aluksi vähän teistä ja sun roolista.
V: Me pyöritetään coworking-tiloja, meillä on kolme toimipistettä Helsingissä, ja mä oon operatiivinen johtaja. Eli mä vastaan siitä et tilat toimii, ja kalusteet on meillä ihan ydinasia, koska se mitä me myydään on käytännössä hyvä paikka tehdä töitä.
H: Miten te päädyitte Sisustamo Pron asiakkaaksi?
V: Suosittelun kautta. Yks meiän vuokralaisista oli tehny niiden kanssa oman toimiston ja kehu niitä. Me pyydettiin tarjous kolmelta, ja Sisustamo ei ollu halvin, mut niiden suunnittelija oli ainoo joka kysyi miten meiän asiakkaat oikeesti käyttää tiloja. Muut lähetti vaan kuvaston.
H: Mikä on teille tärkeintä asiakassuhteessa?
V: Nopeus ja joustavuus. Meillä tilanteet muuttuu koko ajan, yks yritys lähtee ja toinen tulee, ja se tila pitää muuttaa parissa viikossa. Mä tarviin toimittajan joka ymmärtää sen rytmin. Sisustamo on ollu siinä ihan hyvä, varsinki kun mulla on nykyään suora numero niiden projektipäällikölle.

Ja toinen on kestävyys. Meiän tuoleilla istuu satoja ihmisiä viikossa, ja jos tuoli hajoo kolmessa kuukaudessa, ni se on ongelma.
H: Onko teiltä kysytty palautetta?
V: Kerran tuli joku sähköpostikysely, johon mä en kyllä vastannu, mä myönnän [naurua]. Mut mä annan palautetta muutenkin, suoraan projektipäällikölle. Ja musta tuntuu et ne kuuntelee, koska viime kerralla ne vaihto tuolimallin meiän palautteen perusteella.
H: Mitä toivoisit jatkossa?
V: Semmosta ennakoivaa huoltoa. Et joku kävis vaikka kerran vuodessa läpi kaikki tuolit ja pöydät ja korjais mitä tarvii. Mä maksaisin siitä mielelläni, koska nyt mun oma porukka käyttää siihen aikaa. Ja vähän enemmän tietoa siitä, mitä uutta niillä on, mut ei mitään massapostia.
H: Kiitos, se oli siinä.
V: Joo, kiitos vaan ja tsemppiä kirjottamiseen.
"""

UTF16LE = """\
Haastattelija: Kerrotko aluksi, mikä sun tehtävä on?
Haastateltava: Mä oon taloushallinnossa, hoidan laskutuksen ja reskontran ja vähän kaikkee mitä rahaan liittyy. Oon ollu täällä neljä vuotta. Asiakkaiden kanssa mä oon tekemisissä lähinnä sillon kun laskussa on jotain epäselvää.
Haastattelija: Miten sä näet asiakaskokemuksen oman työsi kautta?
Haastateltava: Lasku on usein se viimenen asia mitä asiakas meistä näkee. Et vaikka koko projekti ois menny hyvin, ni jos lasku on sekava tai väärä, ni se jättää huonon maun. B2B-asiakkailla on usein monimutkaset laskutusvaatimukset, tilausnumerot, kustannuspaikat, verkkolaskuosoitteet. Jos joku niistä puuttuu, ni lasku palaa takasin ja maksu viivästyy, ja siitä tulee selvittelyä molemmille.
Haastattelija: Kuinka usein niitä ongelmia tulee?
Haastateltava: (..) Useammin ku pitäis. Mä sanoisin et joka kymmenes lasku vaatii jotain korjausta. Ja melkein aina syy on se, et tieto ei oo tullu myynnistä mulle asti. Myyjä on sopinu asiakkaan kanssa et laskutetaan kahdessa erässä tai eri kustannuspaikoille, mut se ei näy tilauksella.
Haastattelija: Tuleeko sulle asiakkailta palautetta?
Haastateltava: Tulee, mut lähinnä negatiivista. Kukaan ei soita ja kiitä et olipa selkee lasku [naurua]. Mut mä oon huomannu et kun mä soitan itse asiakkaalle ja selvitän asian saman tien, ni ne on tosi tyytyväisiä. Moni on sanonu et ne ei oo ikinä saanu toimittajalta niin nopeeta vastausta.
Haastattelija: Mitä sille vois tehdä?
Haastateltava: Meiän pitäis saada yks paikka, mihin kaikki asiakkaan tiedot kirjataan. Nyt ne on myyjän sähköpostissa, mun Excelissä ja tilausjärjestelmässä, ja ne ei puhu keskenään. Ja sit mä toivoisin et laskutus otettais mukaan jo siinä vaiheessa kun isoa sopimusta tehdään. Mä voisin kysyä ne oikeet kysymykset heti alussa.
Haastattelija: Kiitos, tää oli tosi hyvä näkökulma.
Haastateltava: Kiva kuulla, harvoin kukaan kysyy laskuttajalta mitään.
"""

UTF16BE = """\
Haastattelija: Kiitos että lähdit mukaan. Kerro aluksi sun roolista ja teidän yrityksestä.
A8: Mä oon hallintojohtaja logistiikkayrityksessä, meillä on noin kolmesataa työntekijää, joista suurin osa on terminaaleissa. Toimistoja on neljä, ja Sisustamo Pro on kalustanu niistä kaks.
Haastattelija: Mitä sulle tulee mieleen kun puhutaan asiakaskokemuksesta yritysten välillä?
A8: No se et ostaminen on tiimityötä. Meillä päätöksen tekee johtoryhmä, mut valmistelun teen mä, ja mä tarviin toimittajalta materiaalia jolla mä voin perustella valinnan. Hyvä toimittaja ymmärtää sen ja auttaa mua myymään sen sisäisesti. Sisustamo teki meille semmosen selkeen vertailun kahdesta vaihtoehdosta, hinnat ja elinkaari, ja se meni johtoryhmässä läpi kerralla.
Haastattelija: Miten luottamus teidän välillä on rakentunu?
A8: Pikkuhiljaa. Ensimmäinen projekti oli pieni, vaan yks neuvotteluhuone, ja me testattiin niitä vähän sillä. Kun se meni hyvin, ni uskallettiin antaa isompi. Ja toisessa projektissa tuli viivästys, tehtaalla oli ongelmia, mut ne kerto siitä meille kolme viikkoa etukäteen ja ehdotti väliaikaisia kalusteita. Se et ne kerto ajoissa, ni se oli mulle tärkeempää ku se et kaikki ois menny aikataulussa.
Haastattelija: Onko jotain mitä kaipaisit lisää?
A8: Säännöllisempää yhteydenpitoa. Nyt me kuullaan niistä vaan kun me itse otetaan yhteyttä. Ja meillä on kaks toimistoa vielä kalustamatta, et kyllä niiden kannattais pitää meihin yhteyttä [naurua]. Joku kerran vuodessa tapaaminen, missä käytäis läpi meiän suunnitelmat, ois hyvä.
Haastattelija: Mitä pitäis välttää?
A8: Liikaa sähköpostia. Ja sitä et joka kerta vaihtuu yhteyshenkilö. Meillä on ollu nyt kaks eri myyjää kolmessa vuodessa, ja kumpikin on joutunu opettelemaan meiät alusta.
Haastattelija: Kiitos paljon.
A8: Kiitos, mukava kun joku tutkii tätä aihetta.
"""

UTF8BOM = """\
H: Kerro ensin mikä sun tehtävä on ja kauanko oot ollu talossa.
V: Mä oon myyjä, ja mä tulin tänne vajaa kaks vuotta sitten suoraan koulusta. Mulla on lähinnä pienempiä asiakkaita, semmosia kymmenen-kakskymmentä hengen toimistoja, ja sit mä autan Jarkkoa isoissa tarjouksissa.
H: Mitä asiakaskokemus sulle tarkoittaa?
V: Mä ajattelen et se on se, et asiakas kokee et se saa apua eikä et sille myydään. Pienet asiakkaat ei yleensä tiedä yhtään mitä ne tarvii, niillä ei oo mitään tilapäällikköä, vaan se on joku toimistopäällikkö tai toimitusjohtaja itse joka hoitaa tän muiden töiden ohella. Et mun tehtävä on tehdä siitä niille mahdollisimman helppoa.
H: Miten B2B-myynti eroaa siitä mitä sä odotit?
V: (..) No se on paljon hitaampaa. Mä luulin et tää on semmosta et tehdään tarjous ja asiakas päättää viikossa. Mut oikeesti päätöksiä odotetaan kuukausia, koska asiakkaalla on omat budjettikierrokset ja hallitukset ja kaikki. Ja siinä välissä pitää muistaa pitää yhteyttä, mut ei liikaa. Se on semmonen tasapainoilu mitä mä opettelen vielä.
H: Miten teillä seurataan asiakkaiden tyytyväisyyttä?
V: Mä kirjaan CRM:ään kaikki puhelut ja tapaamiset, mut tyytyväisyyttä ei erikseen kysytä. Mä oon itse alkanu soittaa asiakkaille kuukauden päästä toimituksesta ja kysyä et onks kaikki ok. Se on ollu tosi hyvä, moni on kertonu jostain pikkuviasta mitä ne ei ois muuten viitsiny ilmottaa. Ja pari niistä on tilannu lisää samassa puhelussa [naurua].
H: Pitäiskö sen olla yhteinen käytäntö?
V: Musta pitäis. Mut en mä oo uskaltanu ehdottaa sitä, kun mä oon täällä uusin. Ehkä mä nyt uskallan, kun sä kysyit.
H: Kiitos.
V: Kiitos itelles, tää oli kiva.
"""

# Only Windows-1252 has ’ – ” … (bytes 0x80-0x9F); € is 0x80 there.
CP1252 = """\
Haastattelija: Kiitos että ehdit. Kertoisitko aluksi vähän itsestäsi ja teidän yrityksestä?
A9: Joo. Mä oon toimistopäällikkö vakuutusyhtiön aluekonttorissa täällä Vaasassa – meitä on noin kuuskyt henkeä. Mä hoidan kaiken käytännön asioista hankintoihin, ja kalusteet kuuluu siihen. Sisustamo Pro uudisti meiän konttorin viime vuonna, ja se oli meiän ensimmäinen yhteinen projekti.
Haastattelija: Miten se projekti lähti liikkeelle?
A9: Meillä on pääkonttorin kanssa puitesopimus, mut alueet saa valita itse pienemmissä hankinnoissa. Meiän budjetti oli vähän alle 80 000 €, ja mä pyysin tarjoukset kolmelta. Sisustamo Pron tarjous oli selkein – siinä oli jokainen tuoli ja jokainen akustiikkalevy eriteltynä, ja joka rivillä luki ”sisältää asennuksen”, ei mitään piilokuluja.
Haastattelija: Mikä sulle on tärkeää asiakassuhteessa?
A9: Se et mä voin luottaa siihen mitä sanotaan. Meillä on vakuutusalalla tosi tarkat säännöt kaikesta, ja mä joudun raportoimaan pääkonttoriin jokaisesta poikkeamasta. Jos toimitus myöhästyy, mun pitää selittää se. Sisustamon myyjä sano heti alussa: ”Me luvataan vain se, minkä me pystytään pitämään.” Ja niin ne teki… melkein. Yks toimituserä tuli kaks päivää myöhässä, mut siitä ilmotettiin viikkoa ennen.
Haastattelija: Onko teiltä kysytty palautetta?
A9: Projektin jälkeen tuli lyhyt kysely, ja mä vastasin siihen. Kuukauden päästä myyjä soitti ja kiitti palautteesta – ja kerto, et ne oli muuttanu toimitusilmotuksiaan sen perusteella. Se oli eka kerta kun mä koin, et mun palautteella oli oikeesti jotain merkitystä. Åsa meiän talouspuolelta sano samaa laskutuksesta, kaikki meni niinku piti.
Haastattelija: Mitä toivoisit jatkossa?
A9: Ehkä sitä, et ne ottais huomioon et me ollaan kaksikielinen konttori. Osa meiän asiakkaista ja työntekijöistä on ruotsinkielisiä, ja ois kiva saada käyttöohjeet myös ruotsiksi. Ja sit semmonen ’vuosihuolto’, et joku kävis kerran vuodessa säätämässä tuolit ja pöydät, ois hyvä.
Haastattelija: Kiitos paljon.
A9: Kiitos samoin, ja lykkyä tykö gradun kanssa.
"""

# ISO-8859-15: € is 0xA4 and š 0xA8 (¤ and ¨ if misread as Latin-1).
# Latin-9 has no ’ – ”, so the student's editor wrote plain quotes.
LATIN9 = """\
Haast: Kiitos kun lähdit mukaan. Kerro aluks vähän itestäs ja teidän firmasta.
Vast: Mä oon hankintapäällikkö isossa tilitoimistoketjussa, meillä on Suomessa kakskytkolme toimistoa. Mä teen kaikki isommat hankinnat, ja kalusteet on yks osa sitä. Sisustamo Pron kanssa me ollaan tehty yhteistyötä vajaa kolme vuotta.
Haast: Millaisia kokemuksia teillä on ollu?
Vast: Pääosin hyviä. Hinta-laatusuhde on kohdallaan. Meiän viimeisin projekti oli noin 45 000 €, ja se pysy budjetissa ihan euron tarkkuudella, mikä on harvinaista. Ne tilas tuolit tšekkiläiseltä tehtaalta, koska kotimaisen toimitusaika ois ollu liian pitkä, ja ne kerto sen meille etukäteen ja kysy luvan. Semmosesta mä tykkään.
Haast: Mikä B2B-hankinnassa on sun mielestä erityistä?
Vast: Vastuu. Kun mä ostan kakskytkolme toimistoa kerrallaan, ni virhe toistuu kakskytkolme kertaa [naurua]. Ja mä oon vastuussa siitä meiän johdolle. Siks mä arvostan toimittajaa, joka kertoo riskeistä suoraan. Ja sit tietysti sopimukset, takuut, reklamaatioehdot, ne pitää olla selkeesti paperilla. Yksityishenkilönä mä voin ostaa fiiliksellä, mut täällä ei.
Haast: Miten teiltä on kerätty palautetta?
Vast: Ei kovin järjestelmällisesti. Myyjä kysyy aina puhelimessa et miten meni, ja se on ihan ok. Mut mä kaipaisin semmosta vuosikatsausta, missä näkis kaikki meiän tilaukset, reklamaatiot ja vaikka sen, paljonko me ollaan vuodessa käytetty, esimerkiks et "tänä vuonna 120 000 €, näin monta toimitusta, kaks reklamaatiota". Se auttais mua budjetoinnissa ja se näyttäis et ne tuntee meiät asiakkaana.
Haast: Vaikuttaako se seuraaviin hankintoihin?
Vast: Kyllä. Meillä on ens vuonna kilpailutus tulossa, ja siinä painaa hinnan lisäks se, miten yhteistyö on toiminu. Jos mulla on hyviä lukuja näyttää, ni on helpompi perustella et jatketaan samalla toimittajalla.
Haast: Kiitos.
Vast: Kiitos itellesi, ja onnea työn kanssa.
"""

# Word-processor interviews: (label, text) per paragraph; label None is a
# paragraph that continues the previous turn.
BOLD_DOCX = [
    ("Haastattelija:", "Kerro ensin, mikä sun rooli on Sisustamo Prossa?"),
    ("Haastateltava:", "Mä oon toinen perustajista ja nykyään tuotantojohtaja, eli mulle kuuluu hankinnat, varasto, logistiikka ja asennukset. Eli kaikki se mitä tapahtuu sen jälkeen kun myynti on tehny kaupan."),
    ("Haastattelija:", "Millainen rooli asiakaskokemuksella on teidän strategiassa?"),
    ("Haastateltava:", "Se on meiän strategiassa ihan ensimmäisenä, me kirjotettiin se sinne pari vuotta sitten. Mut mä myönnän et käytännössä se ei vielä näy kaikessa. Me ollaan pieni firma ja meiän arki on aika operatiivista, et kun rekka on myöhässä, ni kukaan ei mieti strategiaa."),
    (None, "Mun mielestä meiän suurin vahvuus on se, et me ollaan lähellä asiakasta. Asiakas voi soittaa suoraan mulle, ja moni soittaakin."),
    ("Haastattelija:", "Miten asiakaskokemuksesta puhutaan teillä sisäisesti?"),
    ("Haastateltava:", "Lähinnä sillon kun jotain on menny pieleen [naurua]. Meillä on maanantaisin viikkopalaveri, ja siellä käydään läpi reklamaatiot. Mut onnistumisista puhutaan harvoin, ja se on virhe. Asentajat ei esimerkiks kuule koskaan, jos asiakas on kehunu niitä."),
    ("Haastattelija:", "Mitä te voisitte tehdä toisin?"),
    ("Haastateltava:", "(..) Me tarvitaan selkee prosessi siihen, mitä tapahtuu projektin jälkeen. Kuka soittaa, milloin ja mitä kysytään. Ja se tieto pitää kirjata ylös niin, et sen näkee kuka tahansa meistä. Nyt liian moni asiakassuhde on yhden ihmisen muistin varassa. Jos Jarkko jäis huomenna pois, ni me oltais aika pulassa."),
    ("Haastattelija:", "Entä mittaaminen?"),
    ("Haastateltava:", "Mä haluaisin seurata kolmea lukua: toimitusten täsmällisyys, reklamaatioiden määrä ja kuinka moni asiakas ostaa uudestaan. Ne on kaikki sellasia, mitkä me saatais meiän omista järjestelmistä ilman et kiusataan asiakasta kyselyillä."),
    ("Haastattelija:", "Miten te kuuntelette asiakkaiden palautetta?"),
    ("Haastateltava:", "Myyjät kuulee paljon, ja mä kuulen kun jotain menee pieleen. Mut se ei kulje mihinkään yhteiseen paikkaan. Mä haluaisin et kaikki palaute, hyvä ja huono, kirjattais samaan paikkaan ja et se käytäis kerran kuussa läpi koko porukan kanssa."),
    ("Haastattelija:", "Kiitos paljon."),
    ("Haastateltava:", "Kiitos, lähetä mulle se valmis opinnäytetyö."),
]

BOLD_ODT = [
    ("Haastattelija:", "Kerro aluksi, millä tavalla te ootte tekemisissä Sisustamo Pron kanssa?"),
    ("Haastateltava:", "Me ollaan arkkitehtitoimisto, ja me suunnitellaan toimitiloja meiän asiakkaille. Usein me suositellaan asiakkaalle kalustetoimittajaa, ja Sisustamo Pro on ollu yks meiän vakiokumppaneista nyt viis vuotta. Eli me ei itse osteta niiltä paljoa, mut me tuodaan niille asiakkaita."),
    ("Haastattelija:", "Mitä se tarkoittaa asiakaskokemuksen kannalta?"),
    ("Haastateltava:", "Se tarkottaa et meidän maine on kiinni niiden toiminnasta. Jos mä suosittelen niitä ja ne mokaa, ni asiakas muistaa et arkkitehti suositteli. Siks mä seuraan aika tarkkaan miten ne hoitaa meiän projektit. Ja tähän asti ne on hoitanu hyvin, muuten me ei enää suositeltais niitä."),
    ("Haastattelija:", "Mikä heissä toimii?"),
    ("Haastateltava:", "Niiden suunnittelijat puhuu samaa kieltä kuin me. Mervin kanssa mä voin keskustella materiaaleista ja akustiikasta ilman et mun tarvii selittää perusasioita. Ja ne kunnioittaa meiän suunnitelmaa, eikä yritä myydä asiakkaalle jotain ihan muuta meiän selän takana."),
    (None, "Ja se on harvinaista. Kaikki toimittajat ei tee niin."),
    ("Haastattelija:", "Entä missä olis kehitettävää?"),
    ("Haastateltava:", "Tiedonkulussa meille. Kun asiakas on tehny tilauksen, ni me pudotaan usein pois siitä ketjusta. Me ei tiedetä milloin toimitus on, ja sit asiakas soittaa meille ja kysyy.\nMä toivoisin et meidät pidettäis kopiona mukana, ainakin tärkeimmissä viesteissä."),
    ("Haastattelija:", "Kysyykö he teiltä palautetta?"),
    ("Haastateltava:", "Ei muodollisesti. Mut me tavataan pari kertaa vuodessa lounaalla ja siinä käydään läpi projektit. Se on oikeestaan paras mahdollinen palautekanava, koska siinä voi sanoa suoraan asioita joita ei kirjottais mihinkään lomakkeeseen."),
    ("Haastattelija:", "Vaikuttaako heidän toimintansa siihen, suositteletteko heitä jatkossa?"),
    ("Haastateltava:", "Totta kai. Me suositellaan niitä niin kauan kun meiän asiakkaat on tyytyväisiä. Jos mä kuulisin kahdelta asiakkaalta peräkkäin et jotain meni pieleen eikä kukaan hoitanu sitä, ni mä alkaisin kattoa muita vaihtoehtoja. Luottamus menee aika nopeesti."),
    ("Haastattelija:", "Kiitos haastattelusta."),
    ("Haastateltava:", "Ole hyvä, ja kerro sit mitä muut sano."),
]

# label-para.docx: a label is a paragraph of its own; the speech follows.
LABEL_PARA = [
    ("Haastattelija", ["Mikä sun tehtävä on ja kauanko oot ollu Sisustamo Prossa?"]),
    ("H2", ["Mä oon sisämyynnissä, eli mä teen tarjouksia, tilauksia ja vastaan asiakkaiden kysymyksiin puhelimessa ja sähköpostissa. Mä oon ollu täällä kuus vuotta, pisimpään koko myyntitiimistä Jarkon jälkeen."]),
    ("Haastattelija", ["Millaisia asioita asiakkaat kysyy sulta?"]),
    ("H2", ["Eniten toimitusaikoja. Ihan ylivoimasesti. Missä mun tilaus on, milloin se tulee, voiko sitä aikaistaa. Ja mä joudun usein sanomaan et mä tarkistan, koska mä en nää suoraan tehtaan tilannetta.",
            "Toinen iso asia on tarjousten muutokset. B2B-asiakkaalla tarjous ei oo koskaan valmis ekalla kerralla, siihen tulee kolme neljä kierrosta, ja jokaisella kierroksella joku uus ihminen asiakkaan puolelta haluaa jotain muuta."]),
    ("Haastattelija", ["Miten sä koet et asiakaskokemusta voitais parantaa?"]),
    ("H2", ["Automaattiset ilmotukset ois iso juttu. Jos asiakas sais viestin kun tilaus lähtee tehtaalta ja toisen kun se on tulossa asennukseen, ni puolet mun puheluista jäis pois. Ja sit mä voisin käyttää sen ajan siihen et mä soitan asiakkaille itse ja kysyn miten menee."]),
    ("Haastattelija", ["Miten teillä kuunnellaan asiakkaiden palautetta?"]),
    ("H2", ["(.) Kyllä sitä kuunnellaan, mut se jää helposti yksittäisille ihmisille. Mä kuulen päivittäin mitä asiakkaat ajattelee, mut ei oo mitään paikkaa mihin mä voisin sen kirjata niin et muut näkis sen. Mä oon ehdottanu et CRM:ään tehtäis semmonen palautekenttä.",
            "Ja musta ois tärkeetä et myös hyvä palaute kerrottais eteenpäin, ei vaan valitukset. Asentajat ja suunnittelijat ansaitsis kuulla sen."]),
    ("Haastattelija", ["Mitä B2B-asiakkuus vaatii teiltä eniten?"]),
    ("H2", ["Kärsivällisyyttä [naurua]. Ja sitä et me muistetaan mitä on sovittu. Asiakkaalla voi olla viis ihmistä jotka kaikki soittaa mulle eri asioista, ja mun pitää tietää mitä kenellekin on luvattu. Jos mä sanon yhdelle jotain muuta ku toiselle, ni luottamus on heti mennyt."]),
    ("Haastattelija", ["Kiitos tästä."]),
    ("H2", ["Kiitos, toivottavasti tästä on apua."]),
]


# ---------------------------------------------------------------- plain text

def write_text_fixtures():
    # Every third line ends in LF, the others in CRLF; the paragraph break
    # inside the third V turn is therefore an LF followed by a CRLF.
    ends = []
    for i, _ in enumerate(lines_of(CRLF_MIXED)):
        ends.append("\n" if i % 3 == 2 else "\r\n")
    data = "".join(l + e for l, e in zip(lines_of(CRLF_MIXED), ends))
    write_bytes("crlf-mixed.txt", data.encode("utf-8"))

    # Python's "utf-16" codec writes a BOM and little-endian on every
    # platform teema is built on; spell it out so that it never depends on
    # the host byte order.
    write_bytes("utf16le-bom.txt",
                b"\xff\xfe" + UTF16LE.replace("\n", "\r\n").encode("utf-16-le"))
    write_bytes("utf16be-bom.txt", ("\ufeff" + UTF16BE).encode("utf-16-be"))
    write_bytes("utf8-bom.txt", ("\ufeff" + UTF8BOM).encode("utf-8"))
    write_bytes("cp1252.txt", CP1252.replace("\n", "\r\n").encode("cp1252"))
    write_bytes("latin9.txt", LATIN9.encode("iso-8859-15"))


# ---------------------------------------------------------------- zip

FIXED_TIME = (1980, 1, 1, 0, 0, 0)


def write_zip(name, members):
    """members: (name, bytes or str, stored?) in order."""
    with zipfile.ZipFile(out(name), "w") as z:
        for member, data, stored in members:
            if isinstance(data, str):
                data = data.encode("utf-8")
            zi = zipfile.ZipInfo(member, date_time=FIXED_TIME)
            zi.create_system = 3
            zi.external_attr = 0o100644 << 16
            if stored:
                zi.compress_type = zipfile.ZIP_STORED
                z.writestr(zi, data)
            else:
                zi.compress_type = zipfile.ZIP_DEFLATED
                z.writestr(zi, data, compresslevel=6)


# ---------------------------------------------------------------- DOCX

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

DOCX_CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
</Types>
"""

DOCX_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>
"""

DOCX_DOC_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
</Relationships>
"""

DOCX_STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="{W_NS}">
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:cs="Calibri"/><w:sz w:val="22"/><w:lang w:val="fi-FI"/></w:rPr></w:rPrDefault>
<w:pPrDefault><w:pPr><w:spacing w:after="160" w:line="259" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
</w:styles>
"""


def w_run(text, bold=False):
    rpr = "<w:rPr><w:b/><w:bCs/></w:rPr>" if bold else ""
    parts = text.split("\n")
    inner = '<w:br/>'.join(f'<w:t xml:space="preserve">{escape(p)}</w:t>' for p in parts)
    return f"<w:r>{rpr}{inner}</w:r>"


def w_para(runs):
    return '<w:p><w:pPr><w:pStyle w:val="Normal"/></w:pPr>' + "".join(runs) + "</w:p>"


def split_in_two(text):
    """Split a text in the middle of a word, as Word's revision ids do."""
    cut = text.find(" ", len(text) // 2) + 3
    return text[:cut], text[cut:]


def docx_document(paragraphs_xml):
    body = "\n".join(paragraphs_xml)
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<w:document xmlns:w="{W_NS}"><w:body>\n{body}\n'
            '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>'
            '<w:pgMar w:top="1417" w:right="1134" w:bottom="1417" w:left="1134" '
            'w:header="708" w:footer="708" w:gutter="0"/></w:sectPr>'
            "</w:body></w:document>\n")


def write_docx(name, paragraphs_xml):
    write_zip(name, [
        ("[Content_Types].xml", DOCX_CONTENT_TYPES, False),
        ("_rels/.rels", DOCX_RELS, False),
        ("word/document.xml", docx_document(paragraphs_xml), False),
        ("word/_rels/document.xml.rels", DOCX_DOC_RELS, False),
        ("word/styles.xml", DOCX_STYLES, False),
    ])


def bold_label_docx():
    paras = []
    for i, (label, text) in enumerate(BOLD_DOCX):
        if label is None:
            paras.append(w_para([w_run(text)]))
            continue
        # Vary the run structure the way real Word files do: the label
        # split over two bold runs, the space inside the bold run, the
        # speech split in the middle of a word by a spelling mark.
        if i % 4 == 1:
            runs = [w_run(label[:7], True), w_run(label[7:], True), w_run(" " + text)]
        elif i % 4 == 2:
            runs = [w_run(label + " ", True), w_run(text)]
        elif i % 4 == 3:
            a, b = split_in_two(" " + text)
            runs = [w_run(label, True), w_run(a), '<w:proofErr w:type="spellStart"/>',
                    w_run(b), '<w:proofErr w:type="spellEnd"/>']
        else:
            runs = [w_run(label, True), w_run(" " + text)]
        paras.append(w_para(runs))
    write_docx("bold-label.docx", paras)


def label_para_docx():
    paras = []
    for label, texts in LABEL_PARA:
        paras.append(w_para([w_run(label, True)]))
        for t in texts:
            paras.append(w_para([w_run(t)]))
    write_docx("label-para.docx", paras)


# ---------------------------------------------------------------- ODT

ODF_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"')

ODT_MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
 <manifest:file-entry manifest:full-path="/" manifest:version="1.2" manifest:media-type="application/vnd.oasis.opendocument.text"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
 <manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>
</manifest:manifest>
"""

ODT_STYLES = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document-styles {ODF_NS} office:version="1.2">
<office:styles>
<style:default-style style:family="paragraph"><style:text-properties fo:font-size="11pt" fo:language="fi" fo:country="FI"/></style:default-style>
<style:style style:name="Standard" style:family="paragraph" style:class="text"/>
</office:styles>
</office:document-styles>
"""


def odt_text(text):
    """Text with ODF's line-break element for a soft line break."""
    return "<text:line-break/>".join(escape(p) for p in text.split("\n"))


def bold_label_odt():
    paras = []
    for i, (label, text) in enumerate(BOLD_ODT):
        if label is None:
            paras.append(f'<text:p text:style-name="Standard">{odt_text(text)}</text:p>')
        elif i % 3 == 2:
            # The space after the label inside the bold span.
            paras.append(f'<text:p text:style-name="Standard"><text:span text:style-name="T1">'
                         f'{escape(label)} </text:span>{odt_text(text)}</text:p>')
        else:
            paras.append(f'<text:p text:style-name="Standard"><text:span text:style-name="T1">'
                         f'{escape(label)}</text:span> {odt_text(text)}</text:p>')
    body = "\n".join(paras)
    content = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document-content {ODF_NS} office:version="1.2">
<office:automatic-styles>
<style:style style:name="T1" style:family="text"><style:text-properties fo:font-weight="bold" style:font-weight-asian="bold" style:font-weight-complex="bold"/></style:style>
</office:automatic-styles>
<office:body><office:text>
{body}
</office:text></office:body></office:document-content>
"""
    write_zip("bold-label-odt.odt", [
        ("mimetype", "application/vnd.oasis.opendocument.text", True),
        ("META-INF/manifest.xml", ODT_MANIFEST, False),
        ("content.xml", content, False),
        ("styles.xml", ODT_STYLES, False),
    ])


if __name__ == "__main__":
    write_text_fixtures()
    bold_label_docx()
    label_para_docx()
    bold_label_odt()
