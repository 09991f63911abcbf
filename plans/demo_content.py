"""Demo content for the Strategic Plans: both plans, their page trees and Plan 2's directions.

Data only (plain dicts, lists and strings), loaded by `plans.demo`.

- The page "Processo" (Plan 2 > Elaborazione del Piano > Processo) is the seed page of the
  original site (August 2007): its Italian body is verbatim, its English body a faithful
  translation. The two plans' overviews and the page "Elaborazione del Piano" only restate
  what the seed page says, so they are not marked as demo content either.
- Everything marked `"demo": True`, and all twelve DIRECTIONS, is invented: plausible
  demo text to be replaced or removed before the portal goes live.

PAGES lists each plan's tree, parents before children; `path` holds the Italian slugs from
the plan's root, `slug_en` the English slug of the last step, `order` the position among
siblings. Rich text uses only p, h2, h3, h4, ul, ol, li, strong, em, a and blockquote;
summaries are plain text.
"""

# The two plans; each plan's own body is the overview on its section's home.
PLANS = [
    {
        "number": 1,
        "year": 2000,
        "demo": False,
        "title_it": "Piano Strategico 1",
        "title_en": "Strategic Plan 1",
        "summary_it": (
            "Il 1° Piano Strategico dell’area metropolitana torinese, predisposto nel 2000: "
            "ricchezza e innovazione, una nuova immagine della città, qualità urbana e "
            "cooperazione territoriale."
        ),
        "summary_en": (
            "The 1st Strategic Plan of the Turin metropolitan area, prepared in 2000: wealth and "
            "innovation, a new image for the city, urban quality and territorial cooperation."
        ),
        "body_it": (
            "<h2>Il primo Piano Strategico</h2>"
            "<p>Predisporre il 1° Piano Strategico, nel 2000, ha significato per l’area "
            "metropolitana torinese elaborare un progetto per mantenere la propria capacità di "
            "produrre ricchezza e innovazione, promuovere la città cambiando radicalmente la "
            "propria immagine, migliorare la qualità urbana, disegnare strategie di cooperazione "
            "territoriale e istituzionale.</p>"
            "<p>Il Piano Strategico è soltanto uno degli strumenti a disposizione degli attori del "
            "sistema locale per realizzare obiettivi di questo tipo, ma si è rivelato il più "
            "interessante per la sua capacità di veicolare modalità e approcci nuovi al governo "
            "del territorio e delle relazioni fra gli attori.</p>"
            "<h2>Dal primo al secondo Piano</h2>"
            "<p>L’esperienza maturata nei processi di pianificazione e di partecipazione è alla "
            "base del 2° Piano Strategico, la cui costruzione è stata avviata nel gennaio 2005.</p>"
        ),
        "body_en": (
            "<h2>The first Strategic Plan</h2>"
            "<p>Preparing the 1st Strategic Plan, in 2000, meant for the Turin metropolitan area "
            "drawing up a project to maintain its capacity to generate wealth and innovation, to "
            "promote the city by radically changing its image, to improve urban quality, and to "
            "design strategies for territorial and institutional cooperation.</p>"
            "<p>The Strategic Plan is only one of the tools available to the actors of the local "
            "system for achieving objectives of this kind, but it proved the most interesting, "
            "thanks to its capacity to convey new methods and approaches to the governance of the "
            "territory and of the relations between actors.</p>"
            "<h2>From the first to the second Plan</h2>"
            "<p>The experience gained in planning and participation processes underlies the 2nd "
            "Strategic Plan, whose preparation began in January 2005.</p>"
        ),
    },
    {
        "number": 2,
        "year": 2006,
        "demo": False,
        "title_it": "Piano Strategico 2",
        "title_en": "Strategic Plan 2",
        "summary_it": (
            "Il 2° Piano Strategico dell’area metropolitana torinese, costruito tra il 2005 e il "
            "2006 attraverso quattro Commissioni Tematiche: 12 direzioni d’intervento per "
            "competitività, attrattività, coesione sociale e territoriale."
        ),
        "summary_en": (
            "The 2nd Strategic Plan of the Turin metropolitan area, built in 2005–2006 through "
            "four Thematic Commissions: 12 strategic directions for competitiveness, "
            "attractiveness, and social and territorial cohesion."
        ),
        "body_it": (
            "<h2>Un Piano per l’area metropolitana</h2>"
            "<p>Costruito nel 2006, appena dopo le Olimpiadi Invernali, il 2° Piano Strategico "
            "conferma l’utilità dello strumento: torna a confrontarsi sulla visione e sugli "
            "scenari per il futuro del territorio, mette in rete i progetti, le idee e le proposte "
            "di una pluralità di attori e avvia operativamente alcune azioni.</p>"
            "<p>La sua costruzione, avviata a gennaio 2005, ha richiesto un anno e mezzo di "
            "lavori, incontri, dibattiti e approfondimenti, organizzati attorno a quattro "
            "Commissioni Tematiche – Territorio Metropolitano, Potenziale Culturale, Qualità "
            "Sociale, Sviluppo Economico – e a un gruppo trasversale sulla Conoscenza. Ne sono "
            "nate 12 direzioni d’intervento.</p>"
            "<h2>Meta-obiettivi</h2>"
            "<p>Competitività, attrattività, coesione sociale e territoriale sono i meta-obiettivi "
            "da governare in ottica strategica, perché Torino possa considerarsi ancora un motore "
            "di sviluppo e innovazione e diventare un ambiente aperto e ospitale per chi vi "
            "risiede o la attraversa. Il Piano è selettivo, eppure aperto e non esaustivo: una "
            "trama in cui può crescere l’iniziativa autonoma degli attori metropolitani.</p>"
        ),
        "body_en": (
            "<h2>A Plan for the metropolitan area</h2>"
            "<p>Built in 2006, just after the Winter Olympic Games, the 2nd Strategic Plan "
            "confirms the usefulness of the tool: it returns to the vision and the scenarios for "
            "the future of the territory, brings together in a network the projects, ideas and "
            "proposals of many different actors, and puts a number of actions into practice.</p>"
            "<p>Its preparation, which began in January 2005, took a year and a half of work, "
            "meetings, debates and in-depth studies, organised around four Thematic Commissions – "
            "Metropolitan Territory, Cultural Potential, Social Quality, Economic Development – "
            "and a transversal group on Knowledge. The result is 12 strategic directions.</p>"
            "<h2>Meta-objectives</h2>"
            "<p>Competitiveness, attractiveness, and social and territorial cohesion are the "
            "meta-objectives to be governed from a strategic perspective, so that Turin can still "
            "regard itself as an engine of development and innovation, and become an open and "
            "welcoming environment for those who live in it or pass through it. The Plan is "
            "selective, yet open and non-exhaustive: a framework within which the autonomous "
            "initiative of metropolitan actors can grow.</p>"
        ),
    },
]

# Each plan's page tree, parents before children. `path`: the Italian slugs from the plan's
# root; `slug_en`: the English slug of the last step; `order`: position among siblings.
PAGES = [
    {
        "plan": 2,
        "path": ["elaborazione-del-piano"],
        "slug_en": "plan-development",
        "order": 1,
        "demo": False,
        "title_it": "Elaborazione del Piano",
        "title_en": "Plan development",
        "summary_it": (
            "Come è stato costruito il 2° Piano Strategico: il metodo, le Commissioni Tematiche, "
            "le fasi del lavoro."
        ),
        "summary_en": (
            "How the 2nd Strategic Plan was built: the method, the Thematic Commissions, the "
            "phases of the work."
        ),
        "body_it": (
            "<h2>Un anno e mezzo di lavoro</h2>"
            "<p>La costruzione del 2° Piano Strategico dell’area metropolitana torinese, avviata a "
            "gennaio 2005, ha richiesto un anno e mezzo di lavori, incontri, dibattiti e "
            "approfondimenti. Il lavoro è stato affidato a quattro Commissioni Tematiche – "
            "Territorio Metropolitano, Potenziale Culturale, Qualità Sociale, Sviluppo Economico – "
            "e a un gruppo trasversale sul tema della Conoscenza, che si sono riuniti in forum "
            "plenari, workshop e giornate di consultazione.</p>"
            "<h2>Tre fasi</h2>"
            "<p>Il processo si è articolato in tre fasi principali: la definizione del mandato e "
            "il confronto con gli attori politici e istituzionali; l’allargamento del dibattito in "
            "occasioni di confronto pubblico; l’identificazione di obiettivi e linee d’azione "
            "prioritarie. Ne sono nate le 12 direzioni d’intervento del Piano.</p>"
        ),
        "body_en": (
            "<h2>A year and a half of work</h2>"
            "<p>Building the 2nd Strategic Plan of the Turin metropolitan area, which began in "
            "January 2005, took a year and a half of work, meetings, debates and in-depth studies. "
            "The work was entrusted to four Thematic Commissions – Metropolitan Territory, "
            "Cultural Potential, Social Quality, Economic Development – and to a transversal group "
            "on Knowledge, which met in plenary forums, workshops and consultation days.</p>"
            "<h2>Three phases</h2>"
            "<p>The process unfolded in three main phases: the definition of the mandate and "
            "dialogue with political and institutional actors; the broadening of the debate "
            "through occasions for public debate; the identification of objectives and priority "
            "lines of action. The outcome was the Plan’s 12 strategic directions.</p>"
        ),
    },
    {
        "plan": 2,
        "path": ["elaborazione-del-piano", "processo"],
        "slug_en": "process",
        "order": 1,
        "demo": False,
        "title_it": "Processo",
        "title_en": "Process",
        "summary_it": (
            "Il Piano Strategico come metodo e il percorso di costruzione del 2° Piano Strategico "
            "dell’area metropolitana torinese."
        ),
        "summary_en": (
            "The Strategic Plan as a method, and how the 2nd Strategic Plan of the Turin "
            "metropolitan area was built."
        ),
        "body_it": (
            "<h2>Il Piano come metodo</h2>"
            "<p>Predisporre il 1° Piano Strategico, nel 2000, ha significato per l’area "
            "metropolitana torinese elaborare un progetto per mantenere la propria capacità di "
            "produrre ricchezza e innovazione, promuovere la città cambiando radicalmente la "
            "propria immagine, migliorare la qualità urbana, disegnare strategie di cooperazione "
            "territoriale e istituzionale. Il Piano Strategico è soltanto uno degli strumenti a "
            "disposizione degli attori del sistema locale per realizzare questo tipo di obiettivi, "
            "ma certamente è il più interessante per la sua capacità di veicolare modalità e "
            "approcci nuovi al governo del territorio e delle relazioni fra gli attori.</p>"
            "<p>Costruire il 2° Piano Strategico, nel 2006, appena svolte le Olimpiadi Invernali, "
            "significa confermare l’utilità dello strumento, tornando a confrontarsi sulla visione "
            "e gli scenari per il futuro del territorio, cercando un’occasione per mettere in rete "
            "i progetti, le idee e le proposte di una pluralità di attori, avviando operativamente "
            "alcune azioni.</p>"
            "<p>La forza dei processi di pianificazione strategica, attivati su base volontaria e "
            "in modo flessibile, sta nella capacità di mobilitare gli attori locali e costruire "
            "reti di progetti e obiettivi entro scenari di medio-lungo periodo. Anche per superare "
            "le rigidità dei dispositivi di pianificazione tradizionali, i Piani Strategici si "
            "pongono come strumenti e come processi capaci di mostrare interazioni, coerenze e "
            "interdipendenze fra progettualità di natura varia, diverse sequenzialità temporali, "
            "effetti localizzativi ed economici differenziati, scale di priorità alternative.</p>"
            "<p>La definizione di un Piano Strategico non è riconducibile alla costruzione di un "
            "prodotto, ma più correttamente alla definizione di un campo di problemi, a reti di "
            "attori promotori e partecipanti, a modalità di processi. In questo senso i Piani "
            "Strategici sono attenti più alla definizione dei problemi che alla loro soluzione, "
            "più all’interazione fra gli attori che alla sua regolazione.</p>"
            "<p>Si tratta di strumenti costosi in termini di tempo, energie, risorse da impiegare, "
            "che richiedono attori istituzionali motivati e la pazienza di costruire percorsi di "
            "ascolto e interpretazione nei confronti di esigenze frequentemente in "
            "contrapposizione. La loro istituzionalizzazione per un verso li facilita, facendoli "
            "accettare meglio, per l’altro rischia di ridurne il potenziale innovativo, "
            "imbrigliando flessibilità e capacità di adattamento all’interno di operazioni e "
            "strumenti codificati.</p>"
            "<p>Tuttavia il loro riconoscimento internazionale, come modalità di approccio "
            "innovativo al governo del territorio, li rende un fattore di competitività e un "
            "elemento di benchmarking su cui molte aree urbane e regionali cominciano a "
            "cimentarsi. Torino, grazie all’esperienza nei processi di pianificazione e di "
            "partecipazione, può ancora una volta candidarsi a svolgere pienamente il ruolo di "
            "area metropolitana pilota in Italia, per la sperimentazione e l’innovazione nelle "
            "trasformazioni urbane e nella costruzione dei processi decisionali.</p>"
            "<h2>Il Piano di Torino</h2>"
            "<p>La costruzione del 2° Piano Strategico dell’area metropolitana torinese, avviata a "
            "gennaio 2005, ha richiesto un anno e mezzo di lavori, incontri, dibattiti e "
            "approfondimenti.</p>"
            "<p>Alla base del lavoro vi è stata la scelta di privilegiare un approccio processuale "
            "alla definizione delle 12 direzioni d’intervento, incentrandolo su 4 specifici luoghi "
            "e soggetti, le Commissioni Tematiche, deputate al coinvolgimento degli attori e "
            "all’esplorazione di scenari, obiettivi e possibilità.</p>"
            "<p>Le quattro Commissioni - Territorio Metropolitano, Potenziale Culturale, Qualità "
            "Sociale, Sviluppo Economico - insieme al gruppo trasversale sul tema della "
            "Conoscenza, si sono riunite in forma plenaria, hanno discusso in gruppi di lavoro, "
            "esplorando orientamenti e ipotesi ed elaborando prospettive d’intervento attraverso "
            "il coordinamento con gli attori. Il lavoro si è dispiegato in tre fasi principali - "
            "la definizione del mandato e il confronto con gli attori politici e istituzionali; "
            "l’allargamento del dibattito in occasioni di confronto pubblico; l’identificazione di "
            "obiettivi e linee d’azione prioritarie - assumendo un carattere speciale secondo la "
            "natura degli argomenti trattati e degli attori coinvolti. La Commissione Territorio "
            "Metropolitano e la Commissione Potenziale Culturale si sono riunite sia in sessioni "
            "plenarie, i forum, sia in gruppi ristretti per trattare temi specifici, i workshop. "
            "La Commissione Qualità Sociale, oltre a organizzare diversi workshop su argomenti "
            "puntuali ha sperimentato una forma nuova di coinvolgimento, attraverso alcune "
            "giornate di consultazione con metodi partecipativi rivolte ad alcune specifiche "
            "categorie di attori: la rete del Settore Centrale Periferie del Comune di Torino e "
            "gli operatori delle politiche giovanili e del mondo della scuola. La Commissione "
            "Sviluppo Economico ha promosso il convegno Una trasformazione in atto al Politecnico "
            "di Torino, a cui hanno partecipato più di 500 persone per discutere le linee "
            "d’intervento di tipo economico che il Piano Strategico intendeva proporre.</p>"
            "<p>Parallelamente a tali attività sono stati organizzati incontri politici e "
            "istituzionali, cercando un confronto sulla visione complessiva e le ipotesi che si "
            "andavano sviluppando;anche gli strumenti editoriali e di comunicazione di Torino "
            "Internazionale sono stati messi a disposizione del processo di costruzione del Piano: "
            "aggiornamenti continui sono stati dati attraverso il portale web che ha ospitato "
            "anche un forum telematico, il periodico tamtam ha approfondito alcuni aspetti "
            "monografici, sono state realizzate due pubblicazioni intermedie: <em>Scenari per il "
            "sistema locale</em> e <em>Verso il Secondo Piano Strategico</em>.</p>"
            "<p>La visione dell’area metropolitana torinese e l’insieme di interventi proposti "
            "costituiscono la base per rinnovare la collaborazione tra istituzioni e società, "
            "riconoscendo le sfide poste dal governo di un sistema complesso. Il Piano che ne è "
            "nato ha carattere selettivo, eppure aperto e non esaustivo, indica obiettivi e azioni "
            "coerenti che vanno oltre le settorialità e offrono un campo di opportunità "
            "progettuali, una trama in cui può crescere l’iniziativa autonoma degli attori "
            "metropolitani. Competitività, attrattività, coesione sociale e territoriale sono i "
            "meta-obiettivi da governare in ottica strategica, per garantire a Torino la "
            "possibilità di considerarsi ancora un motore di sviluppo e innovazione, e diventare "
            "un ambiente aperto e ospitale per le popolazioni che vi risiedono o la attraversano. "
            "Per raggiungere questi risultati è però richiesta una forte mobilitazione degli "
            "attori economici e sociali, oltre a una grande capacità di coordinamento delle "
            "decisioni e dei processi su scala metropolitana: il 2° Piano Strategico è dunque "
            "l’occasione per dare corpo a azioni d’innovazione istituzionale, per alimentare "
            "relazioni cooperative pubblicoprivate, per incentivare lo sviluppo. Torino "
            "Internazionale, con il bagaglio di esperienze e di attività accumulato, si candida "
            "come il soggetto che può facilitare e sostenere questo processo, rafforzando in primo "
            "luogo la capacità di governance su scala metropolitana.</p>"
        ),
        "body_en": (
            "<h2>The Plan as a method</h2>"
            "<p>Preparing the 1st Strategic Plan, in 2000, meant for the Turin metropolitan area "
            "drawing up a project to maintain its capacity to generate wealth and innovation, to "
            "promote the city by radically changing its image, to improve urban quality, and to "
            "design strategies for territorial and institutional cooperation. The Strategic Plan "
            "is only one of the tools available to the actors of the local system for achieving "
            "objectives of this kind, but it is certainly the most interesting, thanks to its "
            "capacity to convey new methods and approaches to the governance of the territory and "
            "of the relations between actors.</p>"
            "<p>Building the 2nd Strategic Plan, in 2006, just after the Winter Olympic Games, "
            "means confirming the usefulness of the tool: discussing once again the vision and the "
            "scenarios for the future of the territory, seeking an opportunity to bring together "
            "in a network the projects, ideas and proposals of many different actors, and putting "
            "a number of actions into practice.</p>"
            "<p>The strength of strategic planning processes, which are undertaken on a voluntary "
            "basis and in a flexible way, lies in their capacity to mobilise local actors and to "
            "build networks of projects and objectives within medium- to long-term scenarios. "
            "Partly in order to overcome the rigidity of traditional planning instruments, "
            "Strategic Plans present themselves as tools and as processes able to reveal the "
            "interactions, consistencies and interdependencies between projects of many kinds, "
            "different time sequences, differing locational and economic effects, and alternative "
            "scales of priority.</p>"
            "<p>Defining a Strategic Plan is not a matter of building a product; more precisely, "
            "it is a matter of defining a field of problems, networks of promoting and "
            "participating actors, and ways of running processes. In this sense, Strategic Plans "
            "pay more attention to defining problems than to solving them, and more to the "
            "interaction between actors than to regulating it.</p>"
            "<p>They are costly tools in terms of the time, energy and resources they demand; they "
            "require motivated institutional actors and the patience to build processes of "
            "listening to and interpreting needs that are frequently in conflict. Their "
            "institutionalisation, on the one hand, makes them easier by making them more widely "
            "accepted; on the other, it risks reducing their innovative potential, confining their "
            "flexibility and adaptability within codified operations and instruments.</p>"
            "<p>Nevertheless, their international recognition as an innovative approach to the "
            "governance of the territory makes them a factor of competitiveness and a benchmark "
            "against which many urban areas and regions are beginning to measure themselves. "
            "Thanks to its experience in planning and participation processes, Turin can once "
            "again put itself forward to play in full the role of Italy’s pilot metropolitan area "
            "for experimentation and innovation in urban transformation and in the building of "
            "decision-making processes.</p>"
            "<h2>The Turin Plan</h2>"
            "<p>Building the 2nd Strategic Plan of the Turin metropolitan area, which began in "
            "January 2005, took a year and a half of work, meetings, debates and in-depth "
            "studies.</p>"
            "<p>The work was founded on the choice of a process-based approach to defining the 12 "
            "strategic directions, centred on 4 specific settings and bodies, the Thematic "
            "Commissions, whose task was to involve the actors and to explore scenarios, "
            "objectives and possibilities.</p>"
            "<p>The four Commissions – Metropolitan Territory, Cultural Potential, Social Quality, "
            "Economic Development – together with the transversal group on Knowledge, met in "
            "plenary session and held discussions in working groups, exploring orientations and "
            "hypotheses and developing perspectives for action in coordination with the actors. "
            "The work unfolded in three main phases – the definition of the mandate and dialogue "
            "with political and institutional actors; the broadening of the debate through "
            "occasions for public debate; the identification of objectives and priority lines of "
            "action – taking on a particular character according to the nature of the subjects "
            "dealt with and of the actors involved. The Metropolitan Territory Commission and the "
            "Cultural Potential Commission met both in plenary sessions, the forums, and in "
            "smaller groups dealing with specific topics, the workshops. The Social Quality "
            "Commission, besides organising several workshops on specific subjects, tried out a "
            "new form of involvement through a number of consultation days using participatory "
            "methods, aimed at specific categories of actors: the network of the City of Turin’s "
            "Central Department for the Suburbs (Settore Centrale Periferie), and those working in "
            "youth policy and in schools. The Economic Development Commission promoted the "
            "conference <em>Una trasformazione in atto</em> (A transformation under way) at the "
            "Politecnico di Torino, attended by more than 500 people, to discuss the economic "
            "lines of action that the Strategic Plan intended to put forward.</p>"
            "<p>Alongside these activities, political and institutional meetings were held, "
            "seeking discussion of the overall vision and of the hypotheses as they developed; "
            "Torino Internazionale’s publishing and communication tools were also placed at the "
            "service of the process of building the Plan: continuous updates were provided through "
            "the web portal, which also hosted an online forum; the periodical Tamtam explored "
            "some aspects in monographic features; and two interim publications were produced: "
            "<em>Scenari per il sistema locale</em> and <em>Verso il Secondo Piano "
            "Strategico</em>.</p>"
            "<p>The vision of the Turin metropolitan area and the set of proposed measures form "
            "the basis for renewing collaboration between institutions and society, acknowledging "
            "the challenges posed by governing a complex system. The resulting Plan is selective, "
            "yet open and non-exhaustive; it sets out consistent objectives and actions that go "
            "beyond sectoral boundaries and offer a field of opportunities for projects, a "
            "framework within which the autonomous initiative of metropolitan actors can grow. "
            "Competitiveness, attractiveness, and social and territorial cohesion are the "
            "meta-objectives to be governed from a strategic perspective, so as to ensure that "
            "Turin can still regard itself as an engine of development and innovation, and become "
            "an open and welcoming environment for the people who live in it or pass through it. "
            "Achieving these results, however, requires a strong mobilisation of economic and "
            "social actors, as well as a great capacity to coordinate decisions and processes on a "
            "metropolitan scale: the 2nd Strategic Plan is therefore the opportunity to give "
            "substance to actions of institutional innovation, to foster cooperative "
            "public-private relations and to encourage development. Torino Internazionale, with "
            "the wealth of experience and activity it has built up, puts itself forward as the "
            "body that can facilitate and support this process, first and foremost by "
            "strengthening governance capacity on a metropolitan scale.</p>"
        ),
    },
    {
        "plan": 2,
        "path": ["elaborazione-del-piano", "fasi-del-processo"],
        "slug_en": "process-phases",
        "order": 2,
        "demo": True,
        "title_it": "Fasi del processo",
        "title_en": "Process phases",
        "summary_it": (
            "Le tre fasi in cui si è articolata la costruzione del Piano, dal mandato delle "
            "Commissioni alle linee d’azione prioritarie."
        ),
        "summary_en": (
            "The three phases in which the Plan was built, from the Commissions’ mandate to the "
            "priority lines of action."
        ),
        "body_it": (
            "<h2>Prima fase: mandato e confronto con gli attori politici e istituzionali</h2>"
            "<p>Nella prima fase, tra la primavera e l’estate del 2005, ciascuna Commissione "
            "Tematica ha definito il proprio mandato: i temi da esplorare, gli attori da "
            "coinvolgere, i risultati attesi. I mandati sono stati discussi con gli amministratori "
            "dei Comuni dell’area metropolitana, della Provincia di Torino e della Regione "
            "Piemonte, e con i soci dell’associazione.</p>"
            "<h2>Seconda fase: confronto pubblico</h2>"
            "<p>Nella seconda fase il dibattito si è allargato. Le Commissioni hanno organizzato "
            "forum in sessione plenaria, workshop in gruppi ristretti e giornate di consultazione "
            "con metodi partecipativi; la Commissione Sviluppo Economico ha promosso al "
            "Politecnico di Torino il convegno <em>Una trasformazione in atto</em>. Chi non poteva "
            "partecipare agli incontri ha potuto intervenire attraverso il forum telematico del "
            "portale.</p>"
            "<h2>Terza fase: obiettivi e linee d’azione prioritarie</h2>"
            "<p>Nella terza fase, nei primi mesi del 2006, i risultati del confronto sono stati "
            "ricondotti a un quadro unitario: 12 direzioni d’intervento, raggruppate attorno ai "
            "tre meta-obiettivi di competitività, attrattività, coesione sociale e territoriale, "
            "ciascuna con i propri obiettivi e le linee d’azione ritenute prioritarie.</p>"
            "<p>Ogni fase si è conclusa con un momento di sintesi, i cui materiali sono stati "
            "pubblicati sul portale e nelle pubblicazioni intermedie del Piano.</p>"
        ),
        "body_en": (
            "<h2>First phase: mandate and dialogue with political and institutional actors</h2>"
            "<p>In the first phase, between the spring and summer of 2005, each Thematic "
            "Commission defined its own mandate: the themes to explore, the actors to involve, the "
            "expected results. The mandates were discussed with the elected officials of the "
            "municipalities of the metropolitan area, of the Province of Turin and of the Piedmont "
            "Region, and with the association’s members.</p>"
            "<h2>Second phase: public debate</h2>"
            "<p>In the second phase the debate was broadened. The Commissions organised forums in "
            "plenary session, workshops in smaller working groups and consultation days using "
            "participatory methods; the Economic Development Commission promoted the conference "
            "<em>Una trasformazione in atto</em> at the Politecnico di Torino. Those unable to "
            "attend the meetings could take part through the portal’s online forum.</p>"
            "<h2>Third phase: objectives and priority lines of action</h2>"
            "<p>In the third phase, in the early months of 2006, the results of the debate were "
            "brought together in a single framework: 12 strategic directions, grouped around the "
            "three meta-objectives of competitiveness, attractiveness, and social and territorial "
            "cohesion, each with its own objectives and the lines of action considered to be "
            "priorities.</p>"
            "<p>Each phase ended with a moment of synthesis, whose materials were published on the "
            "portal and in the Plan’s interim publications.</p>"
        ),
    },
    {
        "plan": 2,
        "path": ["elaborazione-del-piano", "strumenti-di-comunicazione"],
        "slug_en": "communication-tools",
        "order": 3,
        "demo": True,
        "title_it": "Strumenti di comunicazione",
        "title_en": "Communication tools",
        "summary_it": (
            "Il portale, il forum telematico, il periodico Tamtam e le pubblicazioni che hanno "
            "accompagnato la costruzione del Piano."
        ),
        "summary_en": (
            "The portal, the online forum, the Tamtam periodical and the publications that "
            "accompanied the building of the Plan."
        ),
        "body_it": (
            "<h2>Il portale e il forum telematico</h2>"
            "<p>Durante tutto il processo il portale di Torino Internazionale ha pubblicato il "
            "calendario degli incontri, i documenti di lavoro delle Commissioni e le sintesi dei "
            "forum e dei workshop. Un forum telematico ha permesso a cittadini, operatori ed "
            "esperti di commentare le ipotesi in discussione e di proporre idee e progetti.</p>"
            "<h2>Il periodico Tamtam</h2>"
            "<p>Il periodico Tamtam ha dedicato alcuni numeri monografici ai temi del Piano – il "
            "territorio metropolitano, la cultura, la qualità sociale, l’economia della conoscenza "
            "– con interviste, dati e contributi dei partecipanti alle Commissioni.</p>"
            "<h2>Le pubblicazioni intermedie</h2>"
            "<p>Due pubblicazioni hanno segnato le tappe del lavoro: <em>Scenari per il sistema "
            "locale</em>, che raccoglie le analisi e gli scenari di partenza, e <em>Verso il "
            "Secondo Piano Strategico</em>, che presenta le ipotesi emerse dal confronto pubblico. "
            "Entrambe sono disponibili nella sezione Editoria.</p>"
            "<p>Per ricevere gli aggiornamenti è possibile iscriversi alla "
            '<a href="/it/mailing-list/">mailing list</a>.</p>'
        ),
        "body_en": (
            "<h2>The portal and the online forum</h2>"
            "<p>Throughout the process, the Torino Internazionale portal published the calendar of "
            "meetings, the Commissions’ working documents and summaries of the forums and "
            "workshops. An online forum allowed citizens, practitioners and experts to comment on "
            "the hypotheses under discussion and to put forward ideas and projects.</p>"
            "<h2>The Tamtam periodical</h2>"
            "<p>The periodical Tamtam devoted a number of monographic issues to the Plan’s themes "
            "– the metropolitan territory, culture, social quality, the knowledge economy – with "
            "interviews, data and contributions from participants in the Commissions.</p>"
            "<h2>The interim publications</h2>"
            "<p>Two publications marked the stages of the work: <em>Scenari per il sistema "
            "locale</em>, which gathers the initial analyses and scenarios, and <em>Verso il "
            "Secondo Piano Strategico</em>, which presents the hypotheses that emerged from the "
            "public debate. Both are available in the Publications section.</p>"
            '<p>To receive updates, subscribe to the <a href="/en/mailing-list/">mailing '
            "list</a>.</p>"
        ),
    },
    {
        "plan": 2,
        "path": ["il-piano"],
        "slug_en": "the-plan",
        "order": 2,
        "demo": True,
        "title_it": "Il Piano",
        "title_en": "The Plan",
        "summary_it": (
            "Com’è fatto il 2° Piano Strategico: una visione, tre meta-obiettivi, 12 direzioni "
            "d’intervento."
        ),
        "summary_en": (
            "How the 2nd Strategic Plan is structured: a vision, three meta-objectives, 12 "
            "strategic directions."
        ),
        "body_it": (
            "<h2>La struttura del Piano</h2>"
            "<p>Il 2° Piano Strategico si compone di una visione dell’area metropolitana torinese "
            "nel medio-lungo periodo, di tre meta-obiettivi – competitività, attrattività, "
            "coesione sociale e territoriale – e di 12 direzioni d’intervento, quattro per ciascun "
            "meta-obiettivo. Ogni direzione indica gli obiettivi da perseguire, le linee d’azione "
            "prioritarie e gli attori chiamati a realizzarle.</p>"
            "<h2>Un Piano selettivo e aperto</h2>"
            "<p>Il Piano non pretende di coprire ogni politica del territorio: sceglie poche "
            "priorità e le mette in relazione. È però un Piano aperto, che offre agli attori "
            "metropolitani – istituzioni, università, imprese, fondazioni, associazioni – un "
            "quadro comune entro cui collocare i propri progetti.</p>"
            "<p>Il documento del Piano, presentato nel 2006, è disponibile nella sezione "
            "Editoria.</p>"
        ),
        "body_en": (
            "<h2>The structure of the Plan</h2>"
            "<p>The 2nd Strategic Plan consists of a medium- to long-term vision of the Turin "
            "metropolitan area, three meta-objectives – competitiveness, attractiveness, and "
            "social and territorial cohesion – and 12 strategic directions, four for each "
            "meta-objective. Each direction sets out the objectives to be pursued, the priority "
            "lines of action and the actors called upon to carry them out.</p>"
            "<h2>A selective and open Plan</h2>"
            "<p>The Plan does not claim to cover every policy affecting the territory: it chooses "
            "a few priorities and links them together. It is, however, an open Plan, which offers "
            "metropolitan actors – institutions, universities, businesses, foundations, "
            "associations – a common framework within which to place their own projects.</p>"
            "<p>The Plan document, presented in 2006, is available in the Publications section.</p>"
        ),
    },
    {
        "plan": 2,
        "path": ["il-piano", "visione"],
        "slug_en": "vision",
        "order": 1,
        "demo": True,
        "title_it": "Visione",
        "title_en": "Vision",
        "summary_it": (
            "La visione dell’area metropolitana torinese proposta dal 2° Piano Strategico: una "
            "metropoli della conoscenza, aperta e ospitale."
        ),
        "summary_en": (
            "The vision of the Turin metropolitan area put forward by the 2nd Strategic Plan: a "
            "knowledge metropolis, open and welcoming."
        ),
        "body_it": (
            "<h2>Torino dopo le Olimpiadi</h2>"
            "<p>I Giochi Olimpici Invernali del 2006 hanno chiuso una stagione di grandi "
            "trasformazioni e hanno mostrato al mondo un’immagine nuova di Torino. Il 2° Piano "
            "Strategico parte da questa eredità e si chiede come trasformarla in sviluppo "
            "duraturo, in un contesto in cui l’industria resta importante ma non basta più a "
            "garantire lavoro e benessere.</p>"
            "<h2>Una metropoli della conoscenza</h2>"
            "<p>La visione proposta è quella di un’area metropolitana che fa della conoscenza il "
            "proprio principale fattore di sviluppo: università e centri di ricerca, imprese "
            "innovative, istituzioni culturali e scuole come parti di un unico sistema, capace di "
            "attrarre talenti e investimenti.</p>"
            "<h2>Un ambiente aperto e ospitale</h2>"
            "<p>Una Torino competitiva deve essere anche una città in cui sia bello vivere, "
            "lavorare e studiare: un ambiente aperto e ospitale per chi vi risiede e per chi la "
            "attraversa, attento alla qualità dei luoghi e alla coesione fra i quartieri e fra i "
            "Comuni dell’area metropolitana.</p>"
        ),
        "body_en": (
            "<h2>Turin after the Olympics</h2>"
            "<p>The 2006 Winter Olympic Games brought a season of major transformations to a close "
            "and showed the world a new image of Turin. The 2nd Strategic Plan starts from this "
            "legacy and asks how to turn it into lasting development, at a time when industry "
            "remains important but is no longer enough to guarantee jobs and well-being.</p>"
            "<h2>A knowledge metropolis</h2>"
            "<p>The vision put forward is that of a metropolitan area that makes knowledge its "
            "main driver of development: universities and research centres, innovative businesses, "
            "cultural institutions and schools as parts of a single system, able to attract talent "
            "and investment.</p>"
            "<h2>An open and welcoming environment</h2>"
            "<p>A competitive Turin must also be a city where it is good to live, work and study: "
            "an open and welcoming environment for those who live in it and for those who pass "
            "through it, attentive to the quality of places and to cohesion between neighbourhoods "
            "and between the municipalities of the metropolitan area.</p>"
        ),
    },
    {
        "plan": 2,
        "path": ["il-piano", "meta-obiettivi"],
        "slug_en": "meta-objectives",
        "order": 2,
        "demo": True,
        "title_it": "Meta-obiettivi",
        "title_en": "Meta-objectives",
        "summary_it": (
            "Competitività, attrattività, coesione sociale e territoriale: i tre meta-obiettivi "
            "attorno a cui si organizzano le 12 direzioni d’intervento."
        ),
        "summary_en": (
            "Competitiveness, attractiveness, social and territorial cohesion: the three "
            "meta-objectives around which the 12 strategic directions are organised."
        ),
        "body_it": (
            "<p>I meta-obiettivi non sono settori di intervento, ma finalità generali che ogni "
            "direzione del Piano contribuisce a perseguire. Per comodità di lettura, le 12 "
            "direzioni d’intervento sono raggruppate attorno al meta-obiettivo cui sono più "
            "strettamente legate.</p>"
            "<h2>Competitività</h2>"
            "<p>Rafforzare la capacità del sistema metropolitano di produrre ricchezza e "
            "innovazione in un’economia sempre più fondata sulla conoscenza: ricerca e alta "
            "formazione, innovazione nelle imprese, rinnovamento della base produttiva, "
            "infrastrutture e connessioni internazionali (direzioni 1–4).</p>"
            "<h2>Attrattività</h2>"
            "<p>Fare di Torino un luogo in cui persone, imprese e visitatori scelgono di venire e "
            "di restare: valorizzazione dell’eredità olimpica, cultura e creatività, turismo e "
            "immagine internazionale, qualità urbana e ambientale (direzioni 5–8).</p>"
            "<h2>Coesione sociale e territoriale</h2>"
            "<p>Fare in modo che i benefici dello sviluppo raggiungano tutti i quartieri e tutti i "
            "Comuni dell’area: governance metropolitana, riqualificazione delle periferie, giovani "
            "e formazione, welfare e integrazione (direzioni 9–12).</p>"
        ),
        "body_en": (
            "<p>The meta-objectives are not policy sectors but general aims that every direction "
            "of the Plan helps to pursue. For ease of reading, the 12 strategic directions are "
            "grouped around the meta-objective to which they are most closely linked.</p>"
            "<h2>Competitiveness</h2>"
            "<p>Strengthening the capacity of the metropolitan system to generate wealth and "
            "innovation in an economy increasingly based on knowledge: research and higher "
            "education, innovation in businesses, renewal of the industrial base, infrastructure "
            "and international connections (directions 1–4).</p>"
            "<h2>Attractiveness</h2>"
            "<p>Making Turin a place where people, businesses and visitors choose to come and to "
            "stay: building on the Olympic legacy, culture and creativity, tourism and "
            "international image, urban and environmental quality (directions 5–8).</p>"
            "<h2>Social and territorial cohesion</h2>"
            "<p>Making sure that the benefits of development reach every neighbourhood and every "
            "municipality in the area: metropolitan governance, regeneration of the suburbs, young "
            "people and education, welfare and integration (directions 9–12).</p>"
        ),
    },
    {
        "plan": 2,
        "path": ["attuazione"],
        "slug_en": "implementation",
        "order": 3,
        "demo": True,
        "title_it": "Attuazione",
        "title_en": "Implementation",
        "summary_it": (
            "Dal Piano ai progetti: come gli attori metropolitani danno corpo alle direzioni "
            "d’intervento."
        ),
        "summary_en": (
            "From the Plan to projects: how metropolitan actors give substance to the strategic "
            "directions."
        ),
        "body_it": (
            "<h2>Dal Piano ai progetti</h2>"
            "<p>Con la presentazione del Piano, nel 2006, è iniziata la fase di attuazione. Per "
            "ciascuna direzione d’intervento un tavolo di lavoro riunisce gli enti e le "
            "organizzazioni che si sono impegnati a realizzarne le azioni, ne definisce i tempi e "
            "verifica le risorse disponibili.</p>"
            "<h2>Il ruolo di Torino Internazionale</h2>"
            "<p>Torino Internazionale non sostituisce gli attori che realizzano i progetti: li "
            "mette in relazione, segue l’avanzamento delle azioni, segnala ritardi e "
            "sovrapposizioni e promuove accordi fra istituzioni e fra soggetti pubblici e privati, "
            "rafforzando la capacità di governance su scala metropolitana.</p>"
            "<p>Lo stato di avanzamento delle azioni è descritto nella pagina dedicata al "
            "monitoraggio.</p>"
        ),
        "body_en": (
            "<h2>From the Plan to projects</h2>"
            "<p>With the presentation of the Plan in 2006, the implementation phase began. For "
            "each strategic direction, a working table brings together the bodies and "
            "organisations that have committed themselves to carrying out its actions, sets their "
            "timetable and checks the resources available.</p>"
            "<h2>The role of Torino Internazionale</h2>"
            "<p>Torino Internazionale does not take the place of the actors who carry out the "
            "projects: it connects them, follows the progress of the actions, flags delays and "
            "overlaps, and promotes agreements between institutions and between public and private "
            "bodies, strengthening governance capacity on a metropolitan scale.</p>"
            "<p>The progress of the actions is described on the page devoted to monitoring.</p>"
        ),
    },
    {
        "plan": 2,
        "path": ["attuazione", "monitoraggio"],
        "slug_en": "monitoring",
        "order": 1,
        "demo": True,
        "title_it": "Monitoraggio",
        "title_en": "Monitoring",
        "summary_it": (
            "Come Torino Internazionale segue l’avanzamento delle azioni del Piano e ne rende "
            "conto pubblicamente."
        ),
        "summary_en": (
            "How Torino Internazionale tracks the progress of the Plan’s actions and reports on it "
            "publicly."
        ),
        "body_it": (
            "<h2>Perché monitorare</h2>"
            "<p>Un Piano Strategico si fonda su impegni volontari: il monitoraggio è il modo per "
            "renderli visibili e verificabili. Permette ai promotori di sapere a che punto sono le "
            "azioni, e a cittadini e partner di seguirne i risultati.</p>"
            "<h2>Come funziona</h2>"
            "<p>Due volte all’anno Torino Internazionale raccoglie dai responsabili di ciascuna "
            "azione informazioni sullo stato di avanzamento, sulle risorse impegnate e sugli "
            "ostacoli incontrati. I dati sono sintetizzati in un rapporto di monitoraggio, "
            "presentato all’assemblea dei soci e pubblicato nella sezione Editoria.</p>"
            "<p>Accanto allo stato delle azioni, il rapporto segue un insieme di indicatori di "
            "contesto che descrivono l’evoluzione dell’area metropolitana.</p>"
        ),
        "body_en": (
            "<h2>Why monitor</h2>"
            "<p>A Strategic Plan rests on voluntary commitments: monitoring is the way to make "
            "them visible and verifiable. It lets the promoters know how far the actions have "
            "progressed, and lets citizens and partners follow their results.</p>"
            "<h2>How it works</h2>"
            "<p>Twice a year, Torino Internazionale gathers information from those responsible for "
            "each action on progress, on the resources committed and on the obstacles encountered. "
            "The data are summarised in a monitoring report, presented to the members’ assembly "
            "and published in the Publications section.</p>"
            "<p>Alongside the state of the actions, the report follows a set of context indicators "
            "that describe how the metropolitan area is changing.</p>"
        ),
    },
    {
        "plan": 2,
        "path": ["attuazione", "monitoraggio", "indicatori"],
        "slug_en": "indicators",
        "order": 1,
        "demo": True,
        "title_it": "Indicatori",
        "title_en": "Indicators",
        "summary_it": (
            "Gli indicatori di contesto con cui si segue l’evoluzione dell’area metropolitana "
            "rispetto ai tre meta-obiettivi."
        ),
        "summary_en": (
            "The context indicators used to follow the metropolitan area’s progress towards the "
            "three meta-objectives."
        ),
        "body_it": (
            "<h2>Gli indicatori di contesto</h2>"
            "<p>Gli indicatori non misurano l’efficacia di una singola azione, che dipende da "
            "molti fattori, ma aiutano a capire se l’area metropolitana si sta muovendo nella "
            "direzione indicata dal Piano. Sono raggruppati secondo i tre meta-obiettivi.</p>"
            "<h3>Competitività</h3>"
            "<ul>"
            "<li>addetti nei settori ad alta intensità di conoscenza;</li>"
            "<li>brevetti e nuove imprese innovative;</li>"
            "<li>studenti universitari e ricercatori stranieri.</li>"
            "</ul>"
            "<h3>Attrattività</h3>"
            "<ul>"
            "<li>presenze turistiche e visitatori dei musei;</li>"
            "<li>eventi culturali e congressi di rilievo internazionale;</li>"
            "<li>qualità dell’aria e verde urbano per abitante.</li>"
            "</ul>"
            "<h3>Coesione sociale e territoriale</h3>"
            "<ul>"
            "<li>tasso di occupazione giovanile e femminile;</li>"
            "<li>abbandono scolastico;</li>"
            "<li>accordi e servizi gestiti in forma associata dai Comuni dell’area.</li>"
            "</ul>"
            "<h2>Le fonti</h2>"
            "<p>I dati provengono da fonti statistiche pubbliche (ISTAT, Regione Piemonte, "
            "Provincia e Comune di Torino, Camera di commercio) e sono aggiornati a ogni rapporto "
            "di monitoraggio.</p>"
        ),
        "body_en": (
            "<h2>Context indicators</h2>"
            "<p>The indicators do not measure the effectiveness of any single action, which "
            "depends on many factors, but they help to show whether the metropolitan area is "
            "moving in the direction set out by the Plan. They are grouped according to the three "
            "meta-objectives.</p>"
            "<h3>Competitiveness</h3>"
            "<ul>"
            "<li>employees in knowledge-intensive sectors;</li>"
            "<li>patents and new innovative businesses;</li>"
            "<li>foreign university students and researchers.</li>"
            "</ul>"
            "<h3>Attractiveness</h3>"
            "<ul>"
            "<li>tourist overnight stays and museum visitors;</li>"
            "<li>cultural events and conferences of international standing;</li>"
            "<li>air quality and urban green space per inhabitant.</li>"
            "</ul>"
            "<h3>Social and territorial cohesion</h3>"
            "<ul>"
            "<li>employment rate of young people and of women;</li>"
            "<li>early school leaving;</li>"
            "<li>agreements and services run jointly by the municipalities of the area.</li>"
            "</ul>"
            "<h2>Sources</h2>"
            "<p>The data come from public statistical sources (ISTAT, the Piedmont Region, the "
            "Province and City of Turin, the Chamber of Commerce) and are updated with each "
            "monitoring report.</p>"
        ),
    },
    {
        "plan": 1,
        "path": ["il-piano"],
        "slug_en": "the-plan",
        "order": 1,
        "demo": True,
        "title_it": "Il Piano",
        "title_en": "The Plan",
        "summary_it": (
            "Il 1° Piano Strategico, approvato il 29 febbraio 2000: 6 linee strategiche, 20 "
            "obiettivi, 84 azioni."
        ),
        "summary_en": (
            "The 1st Strategic Plan, approved on 29 February 2000: 6 strategic lines, 20 "
            "objectives, 84 actions."
        ),
        "body_it": (
            "<h2>Un Piano condiviso</h2>"
            "<p>Il 1° Piano Strategico dell’area metropolitana torinese è stato approvato il 29 "
            "febbraio 2000 e sottoscritto dalle istituzioni e dalle principali organizzazioni "
            "economiche e sociali del territorio. È stato il primo piano strategico di una grande "
            "città italiana.</p>"
            "<p>Il Piano nasceva in un momento difficile: la crisi della grande industria imponeva "
            "a Torino di ripensare il proprio modello di sviluppo e la propria immagine. Per "
            "promuoverne l’attuazione è stata costituita l’associazione Torino Internazionale.</p>"
            "<h2>Il Piano in cifre</h2>"
            "<ul>"
            "<li>6 linee strategiche;</li>"
            "<li>20 obiettivi;</li>"
            "<li>84 azioni.</li>"
            "</ul>"
        ),
        "body_en": (
            "<h2>A shared Plan</h2>"
            "<p>The 1st Strategic Plan of the Turin metropolitan area was approved on 29 February "
            "2000 and signed by the institutions and the main economic and social organisations of "
            "the area. It was the first strategic plan of a major Italian city.</p>"
            "<p>The Plan came at a difficult time: the crisis of large-scale industry was forcing "
            "Turin to rethink its development model and its image. The association Torino "
            "Internazionale was set up to promote its implementation.</p>"
            "<h2>The Plan in figures</h2>"
            "<ul>"
            "<li>6 strategic lines;</li>"
            "<li>20 objectives;</li>"
            "<li>84 actions.</li>"
            "</ul>"
        ),
    },
    {
        "plan": 1,
        "path": ["il-piano", "come-e-nato-il-piano"],
        "slug_en": "how-the-plan-was-made",
        "order": 1,
        "demo": True,
        "title_it": "Come è nato il Piano",
        "title_en": "How the Plan was made",
        "summary_it": (
            "Il percorso che tra il 1998 e il 2000 ha portato alla redazione del 1° Piano "
            "Strategico."
        ),
        "summary_en": (
            "The process that led to the drafting of the 1st Strategic Plan between 1998 and 2000."
        ),
        "body_it": (
            "<h2>L’avvio</h2>"
            "<p>Il percorso è stato avviato nel 1998 su iniziativa del Comune di Torino, che ha "
            "invitato istituzioni, università, imprese, sindacati e associazioni a costruire "
            "insieme una strategia per il futuro dell’area metropolitana.</p>"
            "<h2>Il metodo</h2>"
            "<p>Il lavoro si è svolto in gruppi tematici, con il supporto di un comitato "
            "scientifico, e si è concluso con un documento condiviso. Fin dall’inizio il Piano è "
            "stato concepito come un processo volontario e partecipato: non un atto "
            "amministrativo, ma un patto fra gli attori che si impegnavano a realizzarlo.</p>"
            "<p>Questa esperienza ha posto le basi del metodo ripreso e sviluppato dal 2° Piano "
            "Strategico.</p>"
        ),
        "body_en": (
            "<h2>The start</h2>"
            "<p>The process was launched in 1998 on the initiative of the City of Turin, which "
            "invited institutions, universities, businesses, trade unions and associations to "
            "build together a strategy for the future of the metropolitan area.</p>"
            "<h2>The method</h2>"
            "<p>The work was carried out in thematic groups, with the support of a scientific "
            "committee, and ended with a shared document. From the outset the Plan was conceived "
            "as a voluntary and participatory process: not an administrative act, but a pact "
            "between the actors who committed themselves to carrying it out.</p>"
            "<p>This experience laid the foundations of the method taken up and developed by the "
            "2nd Strategic Plan.</p>"
        ),
    },
    {
        "plan": 1,
        "path": ["il-piano", "le-linee-strategiche"],
        "slug_en": "strategic-lines",
        "order": 2,
        "demo": True,
        "title_it": "Le linee strategiche",
        "title_en": "Strategic lines",
        "summary_it": (
            "Le sei linee strategiche del 1° Piano, articolate in 20 obiettivi e 84 azioni."
        ),
        "summary_en": (
            "The six strategic lines of the 1st Plan, broken down into 20 objectives and 84 "
            "actions."
        ),
        "body_it": (
            "<h2>Sei linee per l’area metropolitana</h2>"
            "<p>Il Piano organizza i suoi 20 obiettivi e le sue 84 azioni in sei linee "
            "strategiche:</p>"
            "<ol>"
            "<li><strong>Integrare l’area metropolitana nel sistema internazionale</strong>: "
            "infrastrutture di trasporto e di comunicazione, relazioni e reti con le altre città "
            "europee.</li>"
            "<li><strong>Costruire il governo metropolitano</strong>: cooperazione fra i Comuni "
            "dell’area e nuove forme di coordinamento delle politiche.</li>"
            "<li><strong>Sviluppare formazione e ricerca come risorse strategiche</strong>: "
            "università, Politecnico e centri di ricerca al servizio dello sviluppo.</li>"
            "<li><strong>Promuovere imprenditorialità e occupazione</strong>: sostegno alle nuove "
            "imprese, all’innovazione e alla diversificazione dell’economia.</li>"
            "<li><strong>Promuovere Torino come città di cultura, turismo, commercio e "
            "sport</strong>: valorizzazione del patrimonio e dei grandi eventi.</li>"
            "<li><strong>Migliorare la qualità urbana</strong>: trasformazione delle aree "
            "industriali dismesse, ambiente, riqualificazione dei quartieri.</li>"
            "</ol>"
            "<h2>Obiettivi e azioni</h2>"
            "<p>Ogni linea si articola in obiettivi e ogni obiettivo in azioni, per ciascuna delle "
            "quali il Piano indica i soggetti promotori. Lo stato di attuazione delle azioni è "
            "seguito attraverso il monitoraggio.</p>"
        ),
        "body_en": (
            "<h2>Six lines for the metropolitan area</h2>"
            "<p>The Plan organises its 20 objectives and 84 actions into six strategic lines:</p>"
            "<ol>"
            "<li><strong>Integrating the metropolitan area into the international system</strong>: "
            "transport and communication infrastructure, relations and networks with other "
            "European cities.</li>"
            "<li><strong>Building metropolitan government</strong>: cooperation between the "
            "municipalities of the area and new forms of policy coordination.</li>"
            "<li><strong>Developing education and research as strategic resources</strong>: the "
            "University, the Politecnico and research centres serving development.</li>"
            "<li><strong>Promoting entrepreneurship and employment</strong>: support for new "
            "businesses, innovation and economic diversification.</li>"
            "<li><strong>Promoting Turin as a city of culture, tourism, commerce and "
            "sport</strong>: making the most of its heritage and of major events.</li>"
            "<li><strong>Improving urban quality</strong>: transforming disused industrial sites, "
            "the environment, regenerating neighbourhoods.</li>"
            "</ol>"
            "<h2>Objectives and actions</h2>"
            "<p>Each line is broken down into objectives and each objective into actions, for each "
            "of which the Plan names the promoting bodies. The implementation of the actions is "
            "followed through monitoring.</p>"
        ),
    },
    {
        "plan": 1,
        "path": ["attuazione"],
        "slug_en": "implementation",
        "order": 2,
        "demo": True,
        "title_it": "Attuazione",
        "title_en": "Implementation",
        "summary_it": (
            "L’associazione Torino Internazionale, costituita per promuovere e coordinare "
            "l’attuazione del Piano."
        ),
        "summary_en": (
            "The Torino Internazionale association, set up to promote and coordinate the "
            "implementation of the Plan."
        ),
        "body_it": (
            "<h2>L’associazione Torino Internazionale</h2>"
            "<p>Per promuovere il Piano e coordinarne l’attuazione, nel 2000 è stata fondata "
            "l’associazione Torino Internazionale. Ne fanno parte enti locali, università, "
            "fondazioni, imprese, associazioni di categoria e organizzazioni sindacali: gli stessi "
            "soggetti che hanno sottoscritto il Piano.</p>"
            "<h2>Un lavoro di rete</h2>"
            "<p>L’associazione non realizza direttamente le azioni, che restano in capo ai singoli "
            "promotori, ma le accompagna: favorisce gli accordi, diffonde informazioni, organizza "
            "incontri e occasioni di confronto e rende conto pubblicamente dei progressi "
            "attraverso il monitoraggio.</p>"
        ),
        "body_en": (
            "<h2>The Torino Internazionale association</h2>"
            "<p>The association Torino Internazionale was founded in 2000 to promote the Plan and "
            "coordinate its implementation. Its members include local authorities, universities, "
            "foundations, businesses, trade associations and trade unions: the same bodies that "
            "signed the Plan.</p>"
            "<h2>Working as a network</h2>"
            "<p>The association does not carry out the actions itself – they remain the "
            "responsibility of their individual promoters – but it supports them: it fosters "
            "agreements, circulates information, organises meetings and opportunities for "
            "discussion, and reports publicly on progress through monitoring.</p>"
        ),
    },
    {
        "plan": 1,
        "path": ["attuazione", "monitoraggio"],
        "slug_en": "monitoring",
        "order": 1,
        "demo": True,
        "title_it": "Monitoraggio",
        "title_en": "Monitoring",
        "summary_it": (
            "I rapporti periodici sullo stato di attuazione delle 84 azioni del 1° Piano."
        ),
        "summary_en": (
            "The periodic reports on the implementation of the 84 actions of the 1st Plan."
        ),
        "body_it": (
            "<h2>I rapporti di monitoraggio</h2>"
            "<p>Dal 2001 Torino Internazionale ha pubblicato rapporti periodici sullo stato di "
            "attuazione del Piano. Per ciascuna delle 84 azioni i rapporti indicano se è stata "
            "avviata, completata o sospesa, quali soggetti vi hanno contribuito e quali ostacoli "
            "sono emersi.</p>"
            "<h2>Un confronto aperto</h2>"
            "<p>I rapporti sono stati presentati e discussi in incontri pubblici con i promotori "
            "del Piano. Il monitoraggio ha così permesso non solo di misurare i risultati, ma "
            "anche di aggiornare le priorità, fornendo materiali preziosi alla costruzione del 2° "
            "Piano Strategico.</p>"
        ),
        "body_en": (
            "<h2>Monitoring reports</h2>"
            "<p>From 2001 onwards, Torino Internazionale published periodic reports on the "
            "implementation of the Plan. For each of the 84 actions, the reports show whether it "
            "had been started, completed or suspended, which bodies contributed to it and what "
            "obstacles arose.</p>"
            "<h2>An open discussion</h2>"
            "<p>The reports were presented and discussed at public meetings with the Plan’s "
            "promoters. Monitoring thus made it possible not only to measure results but also to "
            "update priorities, providing valuable material for building the 2nd Strategic "
            "Plan.</p>"
        ),
    },
    {
        "plan": 1,
        "path": ["attuazione", "risultati"],
        "slug_en": "results",
        "order": 2,
        "demo": True,
        "title_it": "Risultati",
        "title_en": "Results",
        "summary_it": (
            "Che cosa è cambiato nell’area metropolitana negli anni del 1° Piano Strategico."
        ),
        "summary_en": (
            "What changed in the metropolitan area during the years of the 1st Strategic Plan."
        ),
        "body_it": (
            "<h2>Una città in trasformazione</h2>"
            "<p>Negli anni del 1° Piano Torino ha cambiato volto: i grandi cantieri del passante "
            "ferroviario e della prima linea di metropolitana, la riconversione delle aree "
            "industriali dismesse lungo la Spina Centrale, il rinnovamento di musei e piazze del "
            "centro storico. I Giochi Olimpici Invernali del 2006 hanno accelerato questo percorso "
            "e portato la città all’attenzione internazionale.</p>"
            "<h2>Dal primo al secondo Piano</h2>"
            "<p>Non tutti gli obiettivi sono stati raggiunti: la costruzione di un governo "
            "metropolitano e la diversificazione dell’economia sono rimaste sfide aperte. Da qui è "
            "ripartito il 2° Piano Strategico, che ha messo al centro l’economia della conoscenza "
            "e la coesione dell’area metropolitana.</p>"
        ),
        "body_en": (
            "<h2>A city in transformation</h2>"
            "<p>During the years of the 1st Plan, Turin changed its face: the major works on the "
            "cross-city rail link and the first metro line, the conversion of disused industrial "
            "sites along the Spina Centrale, the renewal of museums and squares in the historic "
            "centre. The 2006 Winter Olympic Games accelerated this process and brought the city "
            "to international attention.</p>"
            "<h2>From the first to the second Plan</h2>"
            "<p>Not all the objectives were achieved: building metropolitan government and "
            "diversifying the economy remained open challenges. This was the starting point for "
            "the 2nd Strategic Plan, which put the knowledge economy and the cohesion of the "
            "metropolitan area at its centre.</p>"
        ),
    },
]

# The 12 strategic directions of Plan 2, four per meta-objective: all invented (demo data).
DIRECTIONS = [
    {
        "number": 1,
        "meta_objective": "competitiveness",
        "title_it": "Università, ricerca e alta formazione",
        "title_en": "Universities, research and higher education",
        "summary_it": (
            "Fare degli atenei e dei centri di ricerca il motore dell’economia della conoscenza "
            "dell’area metropolitana."
        ),
        "summary_en": (
            "Making the universities and research centres the engine of the metropolitan area’s "
            "knowledge economy."
        ),
        "description_it": (
            "<p>L’Università e il Politecnico di Torino sono la principale risorsa su cui "
            "costruire lo sviluppo futuro. La direzione propone di rafforzarne l’apertura "
            "internazionale, di attrarre studenti e ricercatori da altri Paesi e di migliorare i "
            "servizi – residenze, trasporti, spazi di studio – che fanno di Torino una vera città "
            "universitaria.</p>"
            "<p>Obiettivo parallelo è consolidare i centri di ricerca di eccellenza e metterli in "
            "rete con il sistema produttivo.</p>"
        ),
        "description_en": (
            "<p>The University and the Politecnico di Torino are the main resource on which to "
            "build future development. This direction proposes strengthening their international "
            "openness, attracting students and researchers from other countries, and improving the "
            "services – housing, transport, study spaces – that make Turin a true university "
            "city.</p>"
            "<p>A parallel objective is to consolidate centres of research excellence and to "
            "connect them with the production system.</p>"
        ),
    },
    {
        "number": 2,
        "meta_objective": "competitiveness",
        "title_it": "Innovazione e trasferimento tecnologico",
        "title_en": "Innovation and technology transfer",
        "summary_it": (
            "Avvicinare ricerca e imprese, perché le conoscenze prodotte nell’area diventino "
            "prodotti, servizi e nuove imprese."
        ),
        "summary_en": (
            "Bringing research and businesses closer together, so that the knowledge produced in "
            "the area becomes products, services and new businesses."
        ),
        "description_it": (
            "<p>Le piccole e medie imprese faticano ad accedere ai risultati della ricerca. La "
            "direzione punta su incubatori universitari, parchi scientifici e tecnologici, servizi "
            "di trasferimento tecnologico e strumenti finanziari dedicati alle nuove imprese "
            "innovative.</p>"
        ),
        "description_en": (
            "<p>Small and medium-sized businesses find it hard to access the results of research. "
            "This direction focuses on university incubators, science and technology parks, "
            "technology transfer services and financial instruments for new innovative "
            "businesses.</p>"
        ),
    },
    {
        "number": 3,
        "meta_objective": "competitiveness",
        "title_it": "Rinnovare la base produttiva",
        "title_en": "Renewing the industrial base",
        "summary_it": (
            "Accompagnare la trasformazione dell’industria torinese verso produzioni a maggiore "
            "contenuto di conoscenza."
        ),
        "summary_en": (
            "Supporting the transformation of Turin’s industry towards more knowledge-intensive "
            "production."
        ),
        "description_it": (
            "<p>La manifattura resta un pilastro dell’economia metropolitana. Automotive, "
            "aerospazio, meccatronica e tecnologie dell’informazione possono crescere se investono "
            "in progettazione, qualità e servizi avanzati.</p>"
            "<p>La direzione propone filiere e distretti che mettano in rete imprese, centri di "
            "competenza e formazione tecnica, e politiche per la riqualificazione dei "
            "lavoratori.</p>"
        ),
        "description_en": (
            "<p>Manufacturing remains a pillar of the metropolitan economy. The automotive, "
            "aerospace, mechatronics and information technology sectors can grow if they invest in "
            "design, quality and advanced services.</p>"
            "<p>This direction proposes supply chains and clusters that connect businesses, "
            "centres of expertise and technical training, together with policies for retraining "
            "workers.</p>"
        ),
    },
    {
        "number": 4,
        "meta_objective": "competitiveness",
        "title_it": "Reti e connessioni internazionali",
        "title_en": "Networks and international connections",
        "summary_it": (
            "Collegare meglio Torino all’Europa e al mondo, con infrastrutture di trasporto e di "
            "telecomunicazione adeguate."
        ),
        "summary_en": (
            "Connecting Turin better with Europe and the world through adequate transport and "
            "telecommunications infrastructure."
        ),
        "description_it": (
            "<p>La competitività dell’area dipende dalla qualità dei collegamenti: l’alta velocità "
            "ferroviaria, l’aeroporto, la piattaforma logistica, la banda larga su tutto il "
            "territorio metropolitano. La direzione chiede di coordinare questi interventi e di "
            "accompagnarli con una rete di relazioni con altre città e regioni europee.</p>"
        ),
        "description_en": (
            "<p>The area’s competitiveness depends on the quality of its connections: high-speed "
            "rail, the airport, the logistics platform, broadband across the whole metropolitan "
            "territory. This direction calls for these projects to be coordinated and accompanied "
            "by a network of relations with other European cities and regions.</p>"
        ),
    },
    {
        "number": 5,
        "meta_objective": "attractiveness",
        "title_it": "L’eredità olimpica",
        "title_en": "The Olympic legacy",
        "summary_it": (
            "Mettere a frutto impianti, competenze e visibilità internazionale lasciati dai Giochi "
            "del 2006."
        ),
        "summary_en": (
            "Making the most of the venues, skills and international visibility left by the 2006 "
            "Games."
        ),
        "description_it": (
            "<p>Le Olimpiadi Invernali hanno lasciato impianti sportivi, villaggi, infrastrutture "
            "e soprattutto un’esperienza organizzativa e un’immagine nuova. La direzione propone "
            "di affidare a questi luoghi funzioni stabili – sport, residenze per studenti, servizi "
            "di quartiere – e di fare di Torino e delle sue valli una sede ricorrente di grandi "
            "eventi.</p>"
        ),
        "description_en": (
            "<p>The Winter Olympics left sports venues, villages, infrastructure and, above all, "
            "organisational experience and a new image. This direction proposes giving these "
            "places permanent uses – sport, student housing, neighbourhood services – and making "
            "Turin and its valleys a regular host of major events.</p>"
        ),
    },
    {
        "number": 6,
        "meta_objective": "attractiveness",
        "title_it": "Cultura e creatività",
        "title_en": "Culture and creativity",
        "summary_it": (
            "Fare della cultura un motore di sviluppo, dai musei alle industrie creative."
        ),
        "summary_en": (
            "Making culture a driver of development, from museums to the creative industries."
        ),
        "description_it": (
            "<p>Il patrimonio storico e artistico, i musei, il cinema, la musica e l’arte "
            "contemporanea sono già oggi un tratto distintivo di Torino. La direzione propone di "
            "coordinare l’offerta culturale su scala metropolitana, di sostenere le industrie "
            "creative – design, audiovisivo, editoria – e di avvicinare nuovi pubblici.</p>"
        ),
        "description_en": (
            "<p>Its historical and artistic heritage, museums, cinema, music and contemporary art "
            "are already a distinctive feature of Turin. This direction proposes coordinating the "
            "cultural offer on a metropolitan scale, supporting the creative industries – design, "
            "audiovisual, publishing – and reaching new audiences.</p>"
        ),
    },
    {
        "number": 7,
        "meta_objective": "attractiveness",
        "title_it": "Turismo e immagine internazionale",
        "title_en": "Tourism and international image",
        "summary_it": (
            "Consolidare Torino come destinazione turistica e congressuale e promuoverne "
            "un’immagine coerente nel mondo."
        ),
        "summary_en": (
            "Establishing Turin as a tourist and conference destination and promoting a consistent "
            "image of the city around the world."
        ),
        "description_it": (
            "<p>Dopo i Giochi, Torino è entrata nelle mappe del turismo internazionale. Per "
            "restarvi servono un’offerta integrata fra città, colline, montagne e residenze reali, "
            "servizi di accoglienza di qualità e una promozione condivisa fra tutti gli enti del "
            "territorio.</p>"
        ),
        "description_en": (
            "<p>After the Games, Turin appeared on the map of international tourism. Staying there "
            "requires an integrated offer combining the city, the hills, the mountains and the "
            "royal residences, high-quality hospitality services and promotion shared by all the "
            "bodies of the area.</p>"
        ),
    },
    {
        "number": 8,
        "meta_objective": "attractiveness",
        "title_it": "Qualità urbana e ambientale",
        "title_en": "Urban and environmental quality",
        "summary_it": (
            "Completare le grandi trasformazioni urbane e migliorare la qualità dell’ambiente, dei "
            "trasporti e degli spazi pubblici."
        ),
        "summary_en": (
            "Completing the major urban transformations and improving the quality of the "
            "environment, transport and public spaces."
        ),
        "description_it": (
            "<p>La riconversione delle aree industriali dismesse ha cambiato il volto della città, "
            "ma molte trasformazioni sono ancora da completare. La direzione propone di integrarle "
            "con il trasporto pubblico metropolitano, di valorizzare il sistema dei fiumi e dei "
            "parchi e di ridurre l’inquinamento atmosferico.</p>"
        ),
        "description_en": (
            "<p>The conversion of disused industrial sites has changed the face of the city, but "
            "many transformations are still to be completed. This direction proposes integrating "
            "them with metropolitan public transport, enhancing the system of rivers and parks, "
            "and reducing air pollution.</p>"
        ),
    },
    {
        "number": 9,
        "meta_objective": "cohesion",
        "title_it": "Governance metropolitana",
        "title_en": "Metropolitan governance",
        "summary_it": (
            "Rafforzare la cooperazione fra i Comuni dell’area e coordinare le decisioni su scala "
            "metropolitana."
        ),
        "summary_en": (
            "Strengthening cooperation between the municipalities of the area and coordinating "
            "decisions on a metropolitan scale."
        ),
        "description_it": (
            "<p>Molte questioni – trasporti, casa, ambiente, localizzazione delle attività – "
            "superano i confini comunali. La direzione propone strumenti di coordinamento "
            "volontario fra i Comuni, la gestione associata dei servizi e una sede stabile di "
            "confronto fra le istituzioni dell’area metropolitana.</p>"
        ),
        "description_en": (
            "<p>Many issues – transport, housing, the environment, the location of activities – "
            "cross municipal boundaries. This direction proposes instruments for voluntary "
            "coordination between municipalities, the joint management of services and a permanent "
            "venue for dialogue between the institutions of the metropolitan area.</p>"
        ),
    },
    {
        "number": 10,
        "meta_objective": "cohesion",
        "title_it": "Periferie e quartieri",
        "title_en": "Suburbs and neighbourhoods",
        "summary_it": (
            "Estendere a tutti i quartieri i benefici della trasformazione urbana, proseguendo le "
            "esperienze di rigenerazione delle periferie."
        ),
        "summary_en": (
            "Extending the benefits of urban transformation to every neighbourhood, building on "
            "the experience of regenerating the suburbs."
        ),
        "description_it": (
            "<p>Torino ha maturato un’esperienza riconosciuta nei programmi integrati di "
            "rigenerazione dei quartieri periferici, che uniscono interventi fisici, sociali ed "
            "economici con la partecipazione degli abitanti. La direzione propone di estendere "
            "questo metodo ai Comuni della cintura e di farne una politica ordinaria.</p>"
        ),
        "description_en": (
            "<p>Turin has built up recognised experience in integrated programmes for regenerating "
            "suburban neighbourhoods, which combine physical, social and economic measures with "
            "the participation of residents. This direction proposes extending this method to the "
            "municipalities of the surrounding belt and making it an ordinary policy.</p>"
        ),
    },
    {
        "number": 11,
        "meta_objective": "cohesion",
        "title_it": "Giovani, scuola e formazione",
        "title_en": "Young people, schools and education",
        "summary_it": (
            "Offrire ai giovani opportunità di formazione, lavoro e partecipazione, e sostenere "
            "l’apprendimento lungo tutto l’arco della vita."
        ),
        "summary_en": (
            "Offering young people opportunities for education, work and participation, and "
            "supporting lifelong learning."
        ),
        "description_it": (
            "<p>Una metropoli della conoscenza ha bisogno di una scuola forte e di giovani che "
            "trovino spazio per le proprie idee. La direzione propone di contrastare l’abbandono "
            "scolastico, di collegare meglio scuola, formazione professionale e lavoro e di "
            "sostenere luoghi e progetti gestiti dai giovani.</p>"
            "<p>Accanto a questo, l’apprendimento permanente deve permettere agli adulti di "
            "aggiornare le proprie competenze in un’economia che cambia.</p>"
        ),
        "description_en": (
            "<p>A knowledge metropolis needs strong schools and young people who can find room for "
            "their ideas. This direction proposes tackling early school leaving, linking school, "
            "vocational training and work more closely, and supporting places and projects run by "
            "young people.</p>"
            "<p>Alongside this, lifelong learning must enable adults to update their skills in a "
            "changing economy.</p>"
        ),
    },
    {
        "number": 12,
        "meta_objective": "cohesion",
        "title_it": "Welfare, casa e integrazione",
        "title_en": "Welfare, housing and integration",
        "summary_it": (
            "Rinnovare il welfare locale perché nessuno resti escluso: casa, servizi alla persona, "
            "accoglienza dei nuovi residenti."
        ),
        "summary_en": (
            "Renewing local welfare so that no one is left out: housing, personal care services, "
            "welcoming new residents."
        ),
        "description_it": (
            "<p>L’invecchiamento della popolazione, l’arrivo di nuovi cittadini stranieri e la "
            "crescita del lavoro precario pongono domande nuove al welfare locale. La direzione "
            "propone di ampliare l’offerta di case a costi accessibili, di coordinare i servizi "
            "sociali e sanitari su scala di distretto e di sostenere le reti del terzo settore e "
            "del volontariato.</p>"
        ),
        "description_en": (
            "<p>An ageing population, the arrival of new foreign residents and the growth of "
            "insecure work raise new questions for local welfare. This direction proposes "
            "expanding the supply of affordable housing, coordinating social and health services "
            "at district level, and supporting networks of non-profit organisations and "
            "volunteers.</p>"
        ),
    },
]
