"""Denmark's 98 municipalities (kommuner), as stable keys and their Danish names."""

MUNICIPALITIES: list[tuple[str, str]] = [
    # Region Hovedstaden
    ("albertslund", "Albertslund"),
    ("alleroed", "Allerød"),
    ("ballerup", "Ballerup"),
    ("bornholm", "Bornholm"),
    ("broendby", "Brøndby"),
    ("dragoer", "Dragør"),
    ("egedal", "Egedal"),
    ("fredensborg", "Fredensborg"),
    ("frederiksberg", "Frederiksberg"),
    ("frederikssund", "Frederikssund"),
    ("furesoe", "Furesø"),
    ("gentofte", "Gentofte"),
    ("gladsaxe", "Gladsaxe"),
    ("glostrup", "Glostrup"),
    ("gribskov", "Gribskov"),
    ("halsnaes", "Halsnæs"),
    ("helsingoer", "Helsingør"),
    ("herlev", "Herlev"),
    ("hilleroed", "Hillerød"),
    ("hvidovre", "Hvidovre"),
    ("hoeje-taastrup", "Høje-Taastrup"),
    ("hoersholm", "Hørsholm"),
    ("ishoej", "Ishøj"),
    ("koebenhavn", "København"),
    ("lyngby-taarbaek", "Lyngby-Taarbæk"),
    ("rudersdal", "Rudersdal"),
    ("roedovre", "Rødovre"),
    ("taarnby", "Tårnby"),
    ("vallensbaek", "Vallensbæk"),
    # Region Sjælland
    ("faxe", "Faxe"),
    ("greve", "Greve"),
    ("guldborgsund", "Guldborgsund"),
    ("holbaek", "Holbæk"),
    ("kalundborg", "Kalundborg"),
    ("koege", "Køge"),
    ("lejre", "Lejre"),
    ("lolland", "Lolland"),
    ("naestved", "Næstved"),
    ("odsherred", "Odsherred"),
    ("ringsted", "Ringsted"),
    ("roskilde", "Roskilde"),
    ("slagelse", "Slagelse"),
    ("solroed", "Solrød"),
    ("soroe", "Sorø"),
    ("stevns", "Stevns"),
    ("vordingborg", "Vordingborg"),
    # Region Syddanmark
    ("assens", "Assens"),
    ("billund", "Billund"),
    ("esbjerg", "Esbjerg"),
    ("fanoe", "Fanø"),
    ("fredericia", "Fredericia"),
    ("faaborg-midtfyn", "Faaborg-Midtfyn"),
    ("haderslev", "Haderslev"),
    ("kerteminde", "Kerteminde"),
    ("kolding", "Kolding"),
    ("langeland", "Langeland"),
    ("middelfart", "Middelfart"),
    ("nordfyns", "Nordfyns"),
    ("nyborg", "Nyborg"),
    ("odense", "Odense"),
    ("svendborg", "Svendborg"),
    ("soenderborg", "Sønderborg"),
    ("toender", "Tønder"),
    ("varde", "Varde"),
    ("vejen", "Vejen"),
    ("vejle", "Vejle"),
    ("aeroe", "Ærø"),
    ("aabenraa", "Aabenraa"),
    # Region Midtjylland
    ("favrskov", "Favrskov"),
    ("hedensted", "Hedensted"),
    ("herning", "Herning"),
    ("holstebro", "Holstebro"),
    ("horsens", "Horsens"),
    ("ikast-brande", "Ikast-Brande"),
    ("lemvig", "Lemvig"),
    ("norddjurs", "Norddjurs"),
    ("odder", "Odder"),
    ("randers", "Randers"),
    ("ringkoebing-skjern", "Ringkøbing-Skjern"),
    ("samsoe", "Samsø"),
    ("silkeborg", "Silkeborg"),
    ("skanderborg", "Skanderborg"),
    ("skive", "Skive"),
    ("struer", "Struer"),
    ("syddjurs", "Syddjurs"),
    ("viborg", "Viborg"),
    ("aarhus", "Aarhus"),
    # Region Nordjylland
    ("broenderslev", "Brønderslev"),
    ("frederikshavn", "Frederikshavn"),
    ("hjoerring", "Hjørring"),
    ("jammerbugt", "Jammerbugt"),
    ("laesoe", "Læsø"),
    ("mariagerfjord", "Mariagerfjord"),
    ("morsoe", "Morsø"),
    ("rebild", "Rebild"),
    ("thisted", "Thisted"),
    ("vesthimmerlands", "Vesthimmerlands"),
    ("aalborg", "Aalborg"),
]

MUNICIPALITY_NAMES: dict[str, str] = dict(MUNICIPALITIES)

# Municipal staff are the people in the group "Kommune: <Danish name>", one group per
# municipality; they see its clusters in the resource search and overview.
STAFF_GROUP_PREFIX = "Kommune: "
_KEY_BY_NAME: dict[str, str] = {name: key for key, name in MUNICIPALITIES}


def staff_group_name(municipality: str) -> str:
    """The name of the group for a municipality's staff ("Kommune: Syddjurs")."""
    return STAFF_GROUP_PREFIX + MUNICIPALITY_NAMES.get(municipality, municipality)


def municipality_of_group(group_name: str) -> str | None:
    """The municipality key of a staff group's name, or None for any other group."""
    if not group_name.startswith(STAFF_GROUP_PREFIX):
        return None
    return _KEY_BY_NAME.get(group_name[len(STAFF_GROUP_PREFIX) :].strip())
