# ruff: noqa: E501 (content, not code: long lines of text read better unbroken)
"""The commissions' demo content. Names, kinds and mandates follow the seed page
(`processo-piano-strategico-2.txt`); people, dates, venues, outcomes, documents and forum
posts are invented and marked as demo data."""

# --- The four Thematic Commissions and the transversal group ---------------------------------

COMMISSIONS = [
    {
        "slug_it": "territorio-metropolitano",
        "slug_en": "metropolitan-territory",
        "kind": "thematic",
        "order": 1,
        "name_it": "Territorio Metropolitano",
        "name_en": "Metropolitan Territory",
        "summary_it": "Il territorio dell'area metropolitana torinese: infrastrutture, "
        "qualità urbana e cooperazione fra i comuni.",
        "summary_en": "The territory of the Turin metropolitan area: infrastructure, urban "
        "quality and cooperation between municipalities.",
        "mandate_it": "<p>La Commissione Territorio Metropolitano è uno dei quattro luoghi "
        "deputati al coinvolgimento degli attori e all’esplorazione di scenari, obiettivi e "
        "possibilità per il 2° Piano Strategico. Lavora su strategie di cooperazione "
        "territoriale e istituzionale e sul miglioramento della qualità urbana.</p>"
        "<p>Si è riunita sia in sessioni plenarie, i forum, sia in gruppi ristretti per "
        "trattare temi specifici, i workshop.</p>",
        "mandate_en": "<p>The Metropolitan Territory Commission is one of the four places "
        "charged with involving the actors and exploring scenarios, objectives and "
        "possibilities for the 2nd Strategic Plan. It works on strategies of territorial and "
        "institutional cooperation and on improving urban quality.</p>"
        "<p>It met both in plenary sessions, the forums, and in small groups on specific "
        "topics, the workshops.</p>",
        "directions": [4, 8, 9],
        "people": [
            (
                "Giulia Demo Ferraris",
                "coordinator",
                "Urbanista",
                "Urban planner",
                "Politecnico di Torino",
            ),
            ("Marco Demo Rinaldi", "member", "", "", "Provincia di Torino"),
            ("Elena Demo Gallo", "member", "", "", "Comune di Moncalieri"),
        ],
    },
    {
        "slug_it": "potenziale-culturale",
        "slug_en": "cultural-potential",
        "kind": "thematic",
        "order": 2,
        "name_it": "Potenziale Culturale",
        "name_en": "Cultural Potential",
        "summary_it": "La cultura come risorsa per l'attrattività e l'immagine della città "
        "dopo le Olimpiadi Invernali.",
        "summary_en": "Culture as a resource for the city's attractiveness and image after the "
        "Winter Olympics.",
        "mandate_it": "<p>La Commissione Potenziale Culturale esplora come promuovere la città "
        "cambiandone radicalmente l’immagine, a partire dal patrimonio e dalla produzione "
        "culturale dell’area metropolitana.</p>"
        "<p>Come la Commissione Territorio Metropolitano, si è riunita sia in forum plenari "
        "sia in workshop su temi specifici.</p>",
        "mandate_en": "<p>The Cultural Potential Commission explores how to promote the city "
        "by radically changing its image, starting from the cultural heritage and production "
        "of the metropolitan area.</p>"
        "<p>Like the Metropolitan Territory Commission, it met both in plenary forums and in "
        "workshops on specific topics.</p>",
        "directions": [5, 6, 7],
        "people": [
            (
                "Paolo Demo Bertola",
                "coordinator",
                "Storico dell'arte",
                "Art historian",
                "Università di Torino",
            ),
            ("Chiara Demo Valsecchi", "member", "", "", "Fondazione per la cultura (demo)"),
            ("Luca Demo Martini", "member", "", "", "Associazione teatri (demo)"),
        ],
    },
    {
        "slug_it": "qualita-sociale",
        "slug_en": "social-quality",
        "kind": "thematic",
        "order": 3,
        "name_it": "Qualità Sociale",
        "name_en": "Social Quality",
        "summary_it": "Coesione sociale, periferie, giovani e scuola: una commissione che ha "
        "sperimentato giornate di consultazione con metodi partecipativi.",
        "summary_en": "Social cohesion, suburbs, young people and schools: a commission that "
        "tried out consultation days with participatory methods.",
        "mandate_it": "<p>La Commissione Qualità Sociale lavora sulla coesione sociale e "
        "territoriale dell’area metropolitana.</p>"
        "<p>Oltre a organizzare diversi workshop su argomenti puntuali, ha sperimentato una "
        "forma nuova di coinvolgimento, attraverso alcune giornate di consultazione con metodi "
        "partecipativi rivolte ad alcune specifiche categorie di attori: la rete del Settore "
        "Centrale Periferie del Comune di Torino e gli operatori delle politiche giovanili e "
        "del mondo della scuola.</p>",
        "mandate_en": "<p>The Social Quality Commission works on the social and territorial "
        "cohesion of the metropolitan area.</p>"
        "<p>Besides organising several workshops on specific subjects, it tried out a new "
        "form of involvement: consultation days with participatory methods addressed to "
        "specific categories of actors — the network of the City of Turin’s Central Suburbs "
        "Department, and those working in youth policy and in schools.</p>",
        "directions": [10, 11, 12],
        "people": [
            (
                "Anna Demo Colombo",
                "coordinator",
                "Sociologa",
                "Sociologist",
                "Università di Torino",
            ),
            (
                "Giorgio Demo Audisio",
                "member",
                "",
                "",
                "Settore Centrale Periferie, Comune di Torino",
            ),
            ("Sara Demo Pautasso", "member", "", "", "Ufficio scolastico (demo)"),
        ],
    },
    {
        "slug_it": "sviluppo-economico",
        "slug_en": "economic-development",
        "kind": "thematic",
        "order": 4,
        "name_it": "Sviluppo Economico",
        "name_en": "Economic Development",
        "summary_it": "Competitività, innovazione e base produttiva: la capacità dell'area di "
        "produrre ricchezza e innovazione.",
        "summary_en": "Competitiveness, innovation and the industrial base: the area's ability "
        "to produce wealth and innovation.",
        "mandate_it": "<p>La Commissione Sviluppo Economico lavora sulla capacità dell’area "
        "metropolitana torinese di produrre ricchezza e innovazione.</p>"
        "<p>Ha promosso il convegno <em>Una trasformazione in atto</em> al Politecnico di "
        "Torino, a cui hanno partecipato più di 500 persone per discutere le linee "
        "d’intervento di tipo economico che il Piano Strategico intendeva proporre.</p>",
        "mandate_en": "<p>The Economic Development Commission works on the ability of the "
        "Turin metropolitan area to produce wealth and innovation.</p>"
        "<p>It promoted the conference <em>Una trasformazione in atto</em> (A transformation "
        "under way) at the Politecnico di Torino, where more than 500 people discussed the "
        "economic lines of action that the Strategic Plan meant to propose.</p>",
        "directions": [2, 3, 4],
        "people": [
            (
                "Roberto Demo Giordano",
                "coordinator",
                "Economista",
                "Economist",
                "Politecnico di Torino",
            ),
            ("Francesca Demo Vigna", "member", "", "", "Camera di commercio (demo)"),
            ("Davide Demo Operti", "member", "", "", "Unione industriale (demo)"),
        ],
    },
    {
        "slug_it": "conoscenza",
        "slug_en": "knowledge",
        "kind": "transversal",
        "order": 5,
        "name_it": "Conoscenza",
        "name_en": "Knowledge",
        "summary_it": "Il gruppo trasversale sul tema della Conoscenza: università, ricerca "
        "e formazione al servizio di tutte le commissioni.",
        "summary_en": "The transversal group on Knowledge: universities, research and "
        "education, serving every commission.",
        "mandate_it": "<p>Insieme alle quattro Commissioni, il gruppo trasversale sul tema "
        "della Conoscenza ha esplorato orientamenti e ipotesi che attraversano tutti i temi "
        "del Piano: università, ricerca, alta formazione e trasferimento tecnologico.</p>",
        "mandate_en": "<p>Together with the four Commissions, the transversal group on "
        "Knowledge explored directions and hypotheses that cut across every theme of the "
        "Plan: universities, research, higher education and technology transfer.</p>",
        "directions": [1, 2, 11],
        "people": [
            (
                "Marta Demo Fassino",
                "coordinator",
                "Ricercatrice",
                "Researcher",
                "Università di Torino",
            ),
            ("Stefano Demo Ravera", "member", "", "", "Politecnico di Torino"),
        ],
    },
]

# --- Venues (invented, marked demo through their meetings) --------------------------------------

POLITECNICO = ("Politecnico di Torino", "Corso Duca degli Abruzzi 24, 10129 Torino")
TORINO_INCONTRA = ("Centro Congressi Torino Incontra", "Via Nino Costa 8, 10123 Torino")
TI_OFFICE = ("Torino Internazionale", "Via Nizza 230, 10126 Torino")
CASA_QUARTIERE = ("Casa del quartiere di San Salvario", "Via Morgari 14, 10125 Torino")

# --- Meetings across 2005–2006 and the three phases ---------------------------------------------
# (commission slug, format, phase, start, end, venue, title it/en, topic it/en, participants,
#  outcome it/en, documents [(kind, title it, title en)])

MEETINGS = [
    # Metropolitan Territory: forums and workshops.
    (
        "territorio-metropolitano",
        "forum",
        1,
        "2005-03-08 15:00",
        "2005-03-08 18:30",
        TORINO_INCONTRA,
        "Forum di apertura della Commissione Territorio Metropolitano",
        "Opening forum of the Metropolitan Territory Commission",
        "Il mandato della commissione",
        "The commission's mandate",
        85,
        "Il forum ha discusso il mandato e gli attori da coinvolgere.",
        "The forum discussed the mandate and the actors to involve.",
        [("pdf", "Verbale del forum di apertura", "Minutes of the opening forum")],
    ),
    (
        "territorio-metropolitano",
        "workshop",
        2,
        "2005-10-12 09:30",
        "2005-10-12 13:00",
        TI_OFFICE,
        "Workshop: infrastrutture e mobilità metropolitana",
        "Workshop: infrastructure and metropolitan mobility",
        "Reti di trasporto e accessibilità",
        "Transport networks and accessibility",
        24,
        "Sono state individuate tre priorità per l'accessibilità dell'area.",
        "Three priorities for the area's accessibility were identified.",
        [],
    ),
    (
        "territorio-metropolitano",
        "workshop",
        2,
        "2005-11-16 09:30",
        "2005-11-16 13:00",
        TI_OFFICE,
        "Workshop: cooperazione fra i comuni",
        "Workshop: cooperation between municipalities",
        "Governance metropolitana",
        "Metropolitan governance",
        31,
        "I comuni hanno proposto forme stabili di coordinamento.",
        "The municipalities proposed stable forms of coordination.",
        [],
    ),
    (
        "territorio-metropolitano",
        "forum",
        3,
        "2006-04-05 15:00",
        "2006-04-05 18:30",
        TORINO_INCONTRA,
        "Forum conclusivo: obiettivi e linee d'azione per il territorio",
        "Closing forum: objectives and lines of action for the territory",
        "Obiettivi prioritari",
        "Priority objectives",
        110,
        "Il forum ha condiviso obiettivi e linee d'azione prioritarie.",
        "The forum agreed on objectives and priority lines of action.",
        [("pdf", "Documento conclusivo", "Closing paper")],
    ),
    # Cultural Potential: forums and workshops.
    (
        "potenziale-culturale",
        "forum",
        1,
        "2005-03-15 15:00",
        "2005-03-15 18:30",
        TORINO_INCONTRA,
        "Forum di apertura della Commissione Potenziale Culturale",
        "Opening forum of the Cultural Potential Commission",
        "Cultura e immagine della città",
        "Culture and the city's image",
        95,
        "Il forum ha definito il mandato e i temi dei workshop.",
        "The forum set the mandate and the workshops' topics.",
        [],
    ),
    (
        "potenziale-culturale",
        "workshop",
        2,
        "2005-10-19 09:30",
        "2005-10-19 13:00",
        TI_OFFICE,
        "Workshop: l'eredità olimpica e i grandi eventi",
        "Workshop: the Olympic legacy and major events",
        "Dopo i Giochi del 2006",
        "After the 2006 Games",
        28,
        "Proposte per il riuso culturale dei luoghi olimpici.",
        "Proposals for the cultural reuse of the Olympic venues.",
        [],
    ),
    (
        "potenziale-culturale",
        "workshop",
        2,
        "2005-11-23 09:30",
        "2005-11-23 13:00",
        TI_OFFICE,
        "Workshop: creatività e industrie culturali",
        "Workshop: creativity and cultural industries",
        "Produzione culturale e lavoro",
        "Cultural production and jobs",
        26,
        "Una mappa delle industrie culturali dell'area.",
        "A map of the area's cultural industries.",
        [],
    ),
    (
        "potenziale-culturale",
        "forum",
        3,
        "2006-04-12 15:00",
        "2006-04-12 18:30",
        TORINO_INCONTRA,
        "Forum conclusivo: la cultura nel Piano",
        "Closing forum: culture in the Plan",
        "Linee d'azione prioritarie",
        "Priority lines of action",
        120,
        "Il forum ha condiviso le linee d'azione per la cultura.",
        "The forum agreed on the lines of action for culture.",
        [],
    ),
    # Social Quality: workshops and consultation days.
    (
        "qualita-sociale",
        "workshop",
        1,
        "2005-04-20 09:30",
        "2005-04-20 13:00",
        TI_OFFICE,
        "Workshop: abitare e coesione sociale",
        "Workshop: housing and social cohesion",
        "La casa e i quartieri",
        "Housing and neighbourhoods",
        22,
        "Il workshop ha definito le domande da porre agli attori.",
        "The workshop set the questions to put to the actors.",
        [],
    ),
    (
        "qualita-sociale",
        "consultation-day",
        2,
        "2005-10-22 09:00",
        "2005-10-22 17:00",
        CASA_QUARTIERE,
        "Giornata di consultazione con la rete del Settore Centrale Periferie",
        "Consultation day with the Central Suburbs Department network",
        "Le periferie al centro",
        "Suburbs at the centre",
        60,
        "Gli operatori delle periferie hanno indicato le priorità dei quartieri.",
        "Suburb workers set out the neighbourhoods' priorities.",
        [("pdf", "Sintesi della giornata", "Summary of the day")],
    ),
    (
        "qualita-sociale",
        "consultation-day",
        2,
        "2005-11-26 09:00",
        "2005-11-26 17:00",
        CASA_QUARTIERE,
        "Giornata di consultazione con gli operatori delle politiche giovanili",
        "Consultation day with youth-policy workers",
        "Giovani e città",
        "Young people and the city",
        48,
        "Proposte per spazi e servizi dedicati ai giovani.",
        "Proposals for spaces and services for young people.",
        [],
    ),
    (
        "qualita-sociale",
        "consultation-day",
        2,
        "2006-01-21 09:00",
        "2006-01-21 17:00",
        CASA_QUARTIERE,
        "Giornata di consultazione con il mondo della scuola",
        "Consultation day with schools",
        "Scuola e territorio",
        "Schools and the territory",
        55,
        "Insegnanti e dirigenti hanno discusso il ruolo della scuola nei quartieri.",
        "Teachers and heads discussed the role of schools in the neighbourhoods.",
        [],
    ),
    (
        "qualita-sociale",
        "workshop",
        3,
        "2006-03-29 09:30",
        "2006-03-29 13:00",
        TI_OFFICE,
        "Workshop: priorità per il welfare metropolitano",
        "Workshop: priorities for metropolitan welfare",
        "Welfare, casa e integrazione",
        "Welfare, housing and integration",
        27,
        "Le priorità della commissione per il Piano.",
        "The commission's priorities for the Plan.",
        [],
    ),
    # Economic Development: a workshop, THE conference, a closing workshop.
    (
        "sviluppo-economico",
        "workshop",
        1,
        "2005-04-13 09:30",
        "2005-04-13 13:00",
        TI_OFFICE,
        "Workshop con gli attori economici e istituzionali",
        "Workshop with economic and institutional actors",
        "Il mandato della commissione",
        "The commission's mandate",
        30,
        "Il workshop ha condiviso il mandato con le associazioni di categoria.",
        "The workshop shared the mandate with the trade associations.",
        [],
    ),
    (
        "sviluppo-economico",
        "conference",
        2,
        "2005-12-05 09:30",
        "2005-12-05 17:30",
        POLITECNICO,
        "Una trasformazione in atto",
        "Una trasformazione in atto (A transformation under way)",
        "Le linee d'intervento di tipo economico del Piano",
        "The Plan's economic lines of action",
        520,
        "Più di 500 persone hanno discusso al Politecnico le linee d'intervento di tipo economico che il Piano Strategico intendeva proporre.",
        "More than 500 people discussed at the Politecnico the economic lines of action that the Strategic Plan meant to propose.",
        [
            ("pdf", "Programma del convegno", "Conference programme"),
            ("wav", "Registrazione dell'apertura dei lavori", "Recording of the opening session"),
        ],
    ),
    (
        "sviluppo-economico",
        "workshop",
        3,
        "2006-03-22 09:30",
        "2006-03-22 13:00",
        TI_OFFICE,
        "Workshop: innovazione e base produttiva",
        "Workshop: innovation and the industrial base",
        "Rinnovare la base produttiva",
        "Renewing the industrial base",
        33,
        "Le linee d'azione prioritarie per l'innovazione.",
        "The priority lines of action for innovation.",
        [],
    ),
    # Knowledge: the transversal group's workshops.
    (
        "conoscenza",
        "workshop",
        1,
        "2005-06-08 09:30",
        "2005-06-08 13:00",
        POLITECNICO,
        "Workshop: università, ricerca e sistema locale",
        "Workshop: universities, research and the local system",
        "La conoscenza come risorsa",
        "Knowledge as a resource",
        35,
        "Il gruppo ha messo a confronto atenei, centri di ricerca e imprese.",
        "The group brought together universities, research centres and companies.",
        [],
    ),
    (
        "conoscenza",
        "workshop",
        3,
        "2006-03-15 09:30",
        "2006-03-15 13:00",
        POLITECNICO,
        "Workshop: la conoscenza nelle direzioni del Piano",
        "Workshop: knowledge across the Plan's directions",
        "Obiettivi trasversali",
        "Cross-cutting objectives",
        29,
        "Gli obiettivi trasversali consegnati alle quattro commissioni.",
        "The cross-cutting objectives handed to the four commissions.",
        [],
    ),
]

# --- The online forum ------------------------------------------------------------------------

TOPICS = [
    {
        "commission": "qualita-sociale",
        "slug_it": "quale-futuro-per-le-periferie",
        "slug_en": "what-future-for-the-suburbs",
        "title_it": "Quale futuro per le periferie?",
        "title_en": "What future for the suburbs?",
        "description_it": "<p>Quali interventi renderebbero i quartieri periferici luoghi "
        "migliori in cui vivere? La Commissione Qualità Sociale raccoglie le vostre idee.</p>",
        "description_en": "<p>What would make the outer neighbourhoods better places to live? "
        "The Social Quality Commission gathers your ideas.</p>",
        "is_open": True,
        "published_at": "2005-10-01 09:00",
        "contributions": [
            (
                "Lucia (demo)",
                "it",
                "2005-10-05 18:20",
                "Servono più spazi per i ragazzi nei quartieri, aperti anche la sera.\n"
                "La casa del quartiere è un buon esempio.",
            ),
            (
                "Andrea (demo)",
                "it",
                "2005-10-09 21:05",
                "Trasporti migliori tra le periferie, non solo verso il centro.",
            ),
            (
                "Helen (demo)",
                "en",
                "2005-10-12 10:40",
                "As a newcomer I would welcome language courses in every neighbourhood library.",
            ),
        ],
    },
    {
        "commission": "potenziale-culturale",
        "slug_it": "la-cultura-dopo-le-olimpiadi",
        "slug_en": "culture-after-the-olympics",
        "title_it": "La cultura dopo le Olimpiadi",
        "title_en": "Culture after the Olympics",
        "description_it": "<p>Come far durare l'effetto dei Giochi sull'immagine culturale "
        "della città? Il tema è chiuso: i contributi sono stati consegnati alla "
        "commissione.</p>",
        "description_en": "<p>How can the Games' effect on the city's cultural image be made "
        "to last? The topic is closed: the contributions went to the commission.</p>",
        "is_open": False,
        "published_at": "2005-10-15 09:00",
        "contributions": [
            (
                "Giovanni (demo)",
                "it",
                "2005-10-20 12:00",
                "Riusare i luoghi olimpici per festival e spettacoli dal vivo.",
            ),
            (
                "Marta (demo)",
                "it",
                "2005-11-02 16:45",
                "Un biglietto unico per i musei dell'area metropolitana.",
            ),
        ],
    },
]
