"""
Finding the direct quotes in a story and who said them.

``analyze(paragraphs)`` reads a story's paragraphs as a copy editor does and
returns one ``Finding`` per quoted passage: its words, its paragraph, the
speaker as the story names them (or describes an unnamed source), the role
the story gives them, how sure the reading is (0–100) and what a journalist
should check. It touches no database: ``quotes.services.attribute_quotes``
turns the findings into Quote rows.

What it understands, in English news style:

- quotes in curly or straight double quotes, one or several sentences long,
  partial quotes inside a sentence, quotes running over several paragraphs;
- attribution after or before the quote: `…,” Sokha said.`, `…,” said
  Malin.`, `Sokha said: “…”`, `…,” he added.`, `she told reporters`,
  `according to Sokha`, `one of the guards screamed at him, saying, “…”`,
  with a role in apposition (`Chin Malin, spokesman
  for the Justice Ministry, said`) or in front (`Court spokesman Ros Vibol`);
- quotes in single marks (‘…’), apostrophes (don’t, villagers’) left alone;
- pronouns, resolved to the person the last sentences were about (their
  subject or speaker, not someone named inside what they said) who fits; a
  person whose gender is not known yet fits either pronoun, and is then known
  by it. Two who fit in one sentence give a low confidence and a note;
  “they” is the last group, “it” the last publication, document or
  organization; a pronoun nobody fits is left unattributed, with a note;
- publications and documents as sources: `according to the newspaper's
  report`, `the report reads`, `rights group Licadho said`, then `it added`;
  `…,” Amnesty International said`, `…,” UNICEF said` (a short name in
  capitals), `Paris-based Reporters sans Frontières (RSF) said`;
  “the paper” or “the research group” is the one publication or group of
  that kind the story named (“Rasmei Kampuchea editor Pen Pheng”, “a report
  by the Paris-based Observatory …”); a report cited by its title belongs to
  the organization quoted just before; `researchers found “…”` beside a
  report is the report;
- short partial quotes (“releasing”, “arrest”) when the sentence says whose
  word it is (`attacked Licadho for “releasing”`, `an opposition figure
  having announced …`); a few words in quotes nobody is said to say are a
  name or a term, not a quote;
- titles instead of names: `the Prime Minister told reporters`, `the
  premier`, `the governor`, `the father of three` are the person the story
  gave that title or description (“Prime Minister Hun Manet”, “Hun Manet,
  the prime minister”), even in a paragraph without a quote; a deputy
  governor is not “the governor”; two who fit give a note;
- roles in front of the name (`Interior Ministry spokesman Touch Sovann`,
  `venerable monk Loun Sovath`), between commas or dashes after it, and
  `said another villager, Chea Vanna`; an organization's name ends where its
  capitalised words end;
- a quote paragraph without attribution continues the previous speaker, or
  belongs to the person the previous paragraph introduced; a quote with
  nothing near it that says who is left unattributed, never guessed;
- short names: “Sokha” is the person introduced as “Ny Sokha” (Cambodian
  names are family name first, so the short name ends the full name). When
  two people share it, the one the story already called by that short name
  wins, and the finding says so;
- unnamed sources: `a villager who asked not to be named said`, then
  `the villager said`, kept as a clean noun phrase (never “…, adding that”).

What it understands in Khmer text (a sentence with more Khmer letters than
Latin ones is read by the Khmer rules):

- quotes in «…» and “…” (and "…" after ``ថា``), one or several sentences
  long (``។`` ends a sentence, ``៕`` a text), a quote opened once and closed
  paragraphs later; zero-width spaces are ignored, and the variant spellings
  (``្ត``/``្ដ``, ``ឱ្យ``/``ឲ្យ``/``អោយ``) read alike;
- attribution before the quote, a speech verb ending in ``ថា`` or ``៖``
  (“លោក សុខ ដារ៉ា បាននិយាយថា «…»”, ``ថ្លែងថា``, ``បញ្ជាក់ថា``,
  ``មានប្រសាសន៍ថា``, ``ប្រាប់វិទ្យុអាស៊ីសេរីថា``, ``ឱ្យដឹងថា``, ``សរសេរថា``,
  ``បន្ថែមថា``, ``លើកឡើងថា``, ``ពន្យល់ថា``, ``ឆ្លើយថា`` …; the person spoken
  to is never the speaker), a paragraph ending “… បានថ្លែងថា៖” before a
  quote paragraph, ``យោងតាមលោក …``; after it (“«…» លោក ដារ៉ា បានបន្ថែម។”,
  “«…» នេះបើតាមលោកស្រី សុភា”, “«…» ជាសម្តីរបស់ …”, “«…»។ នេះជាការថ្លែង
  របស់ …”); a partial quote takes the speaker of the sentence's speech verb,
  but a title or name in quotes (“ចំណងជើងថា «…»”) is no quote;
- names read from the honorific in front (``លោក``, ``លោកស្រី``, ``អ្នកស្រី``,
  ``កញ្ញា``, ``ឯកឧត្តម``, ``លោកជំទាវ``, ``សម្តេចតេជោ``, ``ព្រះតេជព្រះគុណ``, the
  King's ``ព្រះករុណា ព្រះបាទសម្តេចព្រះ`` …)
  or a title (“នាយករដ្ឋមន្ត្រី ហ៊ុន ម៉ាណែត”), two words at most, ending where
  a verb, role or small word begins (see ``khmer``); the honorific gives the
  gender (``លោក`` a man; ``លោកស្រី``, ``អ្នកស្រី``, ``កញ្ញា`` a woman);
- roles after the name (“លោក X អ្នកនាំពាក្យក្រសួងមហាផ្ទៃ”, after ``ជា``,
  ``ដែលជា`` or an age) or before it, split at the organization (``ក្រសួង``,
  ``សមាគម`` …);
- later references: honorific and given name (“លោក ដារ៉ា”), a pronoun
  (``គាត់``, ``នាង``) or an honorific alone (``លោក``, ``អ្នកស្រី``, ``ឯកឧត្តម``,
  ``សម្តេច``), a title (“អ្នកនាំពាក្យរូបនេះ”) or a description
  (“ស្ត្រីរូបនេះ”); unnamed sources (“អ្នកភូមិម្នាក់ដែលសុំមិនបញ្ចេញឈ្មោះ”),
  groups (“ក្រុមអ្នកភូមិ”) and organizations (“ក្រសួងព័ត៌មាន”) as speakers;
- a quote opening the story before any name goes, below the threshold, to
  the one the next paragraph reports speaking;
- a name with no honorific taken up by a pronoun (“លី ក្វាន់យូរ គាត់បាន
  និយាយថា”), a title between honorific and name (“សម្តេចតេជោ
  នាយឧត្តមសេនីយ៍… ហ៊ុន សែន”), one name spelt two ways (“ឥសាន”, “ឥសាន្ដ”);
- short partial quotes glued to their words (“ក្លាយជា«ពន្លឺ»”) after a speech
  or thinking verb (``គិតថា``, ``សង្ឃឹមថា``, ``ប្តេជ្ញា``); quotes in ”…”, “…“,
  or closed by a paragraph that never opened them;
- works, media and parties as sources: “«…»។ នោះគឺជាឃ្លាមួយនៃភាពយន្ត …”,
  “ក្នុងបទចម្រៀង … មានឃ្លាថា”, “សៀវភៅ … សរសេរថា”, “គណបក្ស … បានបង្កើត«…»”
  (below the threshold), “ក្រោយមានបណ្តាញសារព័ត៌មាន … ផ្សព្វផ្សាយថា៖”;
- title-like opening paragraphs: a word quoted there and again later is the
  later speaker's, “X Y៖ «…»” or a role (“ភរិយានៃ…”) the person the story
  names so, all below the threshold; “ទាំងនេះ ជា… របស់លោក X” after several
  short quotes gives them to X, below the threshold.

Also, in Khmer (issue 16, third round):

- kinship and stage titles before a space (“នាយ គ្រឿន”, “យាយ សុខ ខន”,
  “តា ម៉ៅ សាន”) start a name and give its gender; a title held by one
  well-known person (“សម្តេចតេជោ”, “សម្តេចធិបតី”, ``people.names``
  ``KHMER_UNIQUE_TITLES``) is that person, below the threshold when the
  story never names them;
- the speaker after “បន្ទាប់ពី”/“ក្រោយពី” (after X said) speaks the quote;
  ``ប្រសាសន៍`` alone and verbs spaced apart (“បាន ប្រសាសន៍ ថា”) introduce it;
  “«…» នេះជាទស្សនៈ/មតិរបស់ X” is X's;
- a name without honorific followed by its role at a sentence's start
  (“ប៊ូ បញ្ញា ជាយុវជន…”), a foreign name by its Latin spelling in brackets,
  then called by the start of its first word (“លោក អាឡិច”);
- a line introduced by “ដែលមានឃ្លាថា” or “មានខ្លឹមសារថា” is the song's, poem's
  or document's, not the singer's or author's.

Also, in Khmer (issue 16, fourth round):

- a role opening a sentence names the person after it without an
  honorific (“ប្រធានក្រុមក្លិប… ហុង ផេង បាននិយាយ”, “ខ្សែបម្រើកណ្តាល វ៉ា
  សុថន”); a first name glued to a title (“លោកប្រធានាធិបតីដូណាល់ ត្រាំ”) is
  the name's, a country glued to it the title's; a Khmer role glued to a
  Latin name (“Zelenskyប្រធានាធិបតី…”) is not the name's; “ពុំ” before a
  second name word is a family name;
- a stage name or nickname (“សេង សុកាន់ដា ហៅ ខ្ញុង”) is the person named
  before it; a short name in a headline is the person the story names in
  full later; the subject of a reported clause (“… ផ្សព្វផ្សាយថា លោក X
  បានថ្លែងថា”) speaks;
- a person described but not introduced (“កីឡាករខ្មែរបារាំងបានបន្តថា”, no
  ``ម្នាក់``) is the person the story was just about, below the threshold
  with a note; described so with nobody to be, a new unnamed source, also
  below it; an honorific alone that nobody fits (“អ្នកស្រីបាននិយាយថា”) is an
  unnamed person, far below it.

Also, in English (issue 16, third round):

- a quote first and its speaker after a dash or with no speech verb
  (`“…” — Sok Dara, a farmer.`, `“…” - Former governor Sok Dara explains …`,
  `“…” Sok Dara, a farmer, on Tuesday.`), a description credited alike;
- words a thing carries (`banners that read “…”, and “…”`) are the thing's,
  never the last person's; a quoted title (`a forum titled “…”`, `the report
  on “…”`, a span in title case) is no quote; a straight opening mark closed
  by a curly one ("…”) never swallows the next quote;
- places are never people (`Wat …`, pagodas, churches); clergy honorifics
  (Father, Fr., Msgr., Bishop, Sister …) are kept apart from the name like
  Dr, Oknha or Samdech (and the leaders' styles “Samdech Techo”, “Samdech
  Thipadei”), and “the priest” is then the Father named before;
  a description of a life, not an office, nobody was given (“the father of
  seven”, “the 62-year-old”) is the person the story was just about, below
  the threshold and with a note; “Minister of Information Neth Pheaktra”,
  “former Prime Minister”, “Council of Ministers spokesman” kept whole;
- a name after “of”, “for”, “close to” says whose the speaker is, not who
  (`“…,” a spokesman for Prime Minister Hun Manet said`, `a lawyer for Kem
  Sokha, Ang Udom, said`, `said Kem Sokha's lawyer, Ang Udom`); the words
  are the one who told, quoted or was heard (`Sok Dara said a police officer
  told him: “…”`, `they were told by Keo Sam: “…”`, `“…,” Sok Dara said Keo
  Sam told him.`, `quoted Hun Sen as saying`, `Phay Siphan was quoted as
  saying`, `recalled her husband saying`); `led by Sam Sokha, who said: “…”`
  is his; `said farmer Sok Dara` gives the role in front;
- a title with a proper word the person's role lacks (“the Thai spokesman”
  after “Government spokesman Pen Bona”) is not that person, nor the
  unnamed one met before with another (“the Foreign Ministry spokesman”);
- a quote whose credit the rules cannot read (`“…,” Thai PM X said.`) is
  not surely the paragraph's last speaker's; a colon after reported speech
  (`Sok Dara said the governor had a message:`) does not surely introduce
  the subject's words;
- no quote is surer than the reading that found its paragraph's speaker; “he”
  when another man (or someone of unknown gender) was named in passing in
  the same or the previous sentence (a reporter spoken to) stays below the
  threshold, with a note naming him.

Also, in English (issue 16, fifth round):

- words passed on are their owner's: `Sok Eysan, quoting Hun Sen, said:`,
  `In the words of Hun Sen,`, `repeated Chea Vichea's last words:`; `reminded
  Sam Rainsy of his promise:` and `his brother's last words` below the
  threshold; `an executive order listing … as “…”` is the order's;
- a title or honorific inside a long title (`Apostolic Prefect Msgr. Pierre
  Suon Hangly`) starts the name, one name after a title or honorific is a
  name (`Gen Prayuth`, `Sister Chantal`; clergy named so are not short
  names), a Christian first name in front makes the longest form the name,
  a first name alone is the one person whose name it begins, `Dr. Or
  Vandine` and `In Thou, one of …, said` keep their small first word; a
  headline in title case names nobody;
- roles `His wife X` (“wife of” the man just named), `Village representative
  X, 51,`, `X of state-owned Angkor Press`, `X, who is leading
  the …`, `the parish priest X`, `Villager X`, `Brigadier X`;
- one-word partials after `promised to`, `threatened to`, `demanded that …`
  are the subject's; “…," closed by a straight mark; a quote left open and
  taken up paragraphs later is the one named where it closes, below the
  threshold.

Also, in English (issue 16, seventh round):

- short and sporting titles in front (`PM Hun Sen`, `Striker X`, `Coach X`),
  an adverb before the verb (`X falsely told`, `Say however argued`), `X of
  Adhoc said:`, a role whose closing comma is forgotten (`X, one of the
  lawyers told AFP`), `said the 15-year-old X`, `said the EU's ambassador,
  X,`, someone who `gave only her first name, Sophy`; “the Bishop” is the
  Bishop named before;
- an organization's name made of a list (“Center for Parasitology,
  Entomology and Malaria Control”) and a dateline in capitals hold no
  person; `said the report posted on …` is the report; an organization
  that says something (`Lawyers for Open Courts said that
  Keo Sam “…”`) speaks it, not the person it speaks of;
- a partial quote after a clause with its own subject (`X denied it, and
  Washington dismissed it as “…”`) is never the first subject's; it goes,
  below the threshold, to that clause's subject;
- a quote with no attribution of its own given to its paragraph's speaker
  or subject, “the villager” taken back to one met before, and a title
  nobody was given are below the threshold (see ``confidence``).

Also, in English and Khmer (issue 16, eighth round):

- a ministry's list of charges ends the title (“Minister of Education, Youth
  and Sport Hang Chuon Naron”), and so does a place after a title (“US
  ambassador to Cambodia Patrick Murphy”); “Svay” and “Prey” start names
  (“Svay Sam Eng”), the places being “Svay Rieng” and “Prey Veng”; words
  named by ``ពាក្យ`` (“ដាក់ពាក្យថា «…»”, a slogan) are nobody's speech;
- confidence calibrated on the batches measured before any tuning: only a
  name read in the quote's own sentence sits at the threshold (a Khmer one
  only in full); pronouns, titles, descriptions and short Khmer names are
  checked (see ``confidence``).

Also, in English (issue 16, ninth round):

- quotes in straight single marks (`'Until now we …,' he said.`, `'[The
  governor] thinks …,' said X.`) when a mark closes them in the paragraph;
  a few lower-case words so marked (the 'hero rats') stay a term;
- a word the subject names a thing by is theirs: `described the murder as
  “…”`, `called the images “…” and accused him of “…”` (one subject for
  both verbs), `accused Thai “invaders” of …`; `“…”, as one villager put
  it` is the villager's, below the threshold, and `as many put it` nobody's.

Also, in English and Khmer (issue 16, eleventh round):

- “it” is the institution the story named, however: `the Cambodian human
  rights group Licadho called …` (the group by its name, not `a spokesman for
  … Adhoc`), `pointed out the statement`, `the UN Human Rights Office
  criticized what it called “…”` (the sentence's own subject); a photo
  caption's credit (“… in 2013. Vireak Mai”) is nobody and introduces no
  quote; `in return`, `for his part` before the verb; `“…” Said X.` with a
  capital; `with villager X calling for … “…”`; `X goes further: “…”`;
  `her father said`, `Sok Dara's mother said`; `Mr X laughs/remembers`;
  `tweeted US ambassador to Cambodia X`; `pronounced the verdict`; a place
  before a place word (“Kompong Cham provinces”) and `So An, 62, said`;
- Khmer honorifics in either spelling of their subscripts (“សាស្រ្តាចារ្យ”),
  a social-media account's owner (“លើគណនីហ្វេសប៊ុក នួន អេឡិចស្តា”), a Latin
  name with no honorific before a speech verb or after a role (“Moodt
  ប្រាប់ថា”), a title in a list of those spoken to (“… វេជ្ជបណ្ឌិត និង…”) is
  no speaker, a long transliterated second name word.

Also, in English (issue 16, twelfth round):

- a group speaking: `Amnesty International said the ruling was “…”` (an
  inverted reading only where the verb opens its clause), `said Licadho in
  their statement`, `The River Institute, a research group, called …`,
  `According to court documents, …`, `Though Thai authorities have described
  it as “…”, …, an official said` (the clause's own subject, not a credit
  far after it); a passive verb speaks only with its agent, and `what was
  described as its “…”` is nobody's the story names; `also known as the “…”`
  is a nickname;
- a lede's `The party’s vice president said` is the one person named later
  with that role, `The sitting senator said` right after a named subject is
  that subject, `the priest who …` after two Fathers the one just talked
  about, all below the threshold; `said Saint Paul is his model` is reported;
- a quote whose opening mark was lost (`… rule,” said X.`), or the last
  paragraph of one run on, opens at its paragraph's start; `“…” Forestry head
  X on the …` and `“…” The Venerable X – … – on how …` credit X;
- `International Co-Prosecutor X first emphasized`, `activist monk But
  Buntenh`; a description ends before its sentence's verb.

Also, in English (issue 16, fourteenth round):

- `said HE Sok Dara` (His or Her Excellency) and `Vender Sok Dara, who …` (a
  job in front) leave the name bare; `US Secretary of State Jane Roe` and
  `Minister of Tourism X` are titles before the name, not names; `Veng` may
  start a name; a Khmer place (`Trapaing He …`, `Boeung …`) is nobody;
- a person's name holding a word in capitals is checked below the threshold;
- “the official” after “a police officer who asked not to be named” is him.

Also, in Khmer (issue 16, thirteenth round):

- a Latin name keeps its middle initial (“លោក JOHN K.SMITH”); a name in
  Latin letters, or glued to a word that is neither an honorific nor a
  title, is checked below the threshold with a note; Latin words in «» inside
  a Khmer sentence that does not introduce them are a name, not a quote;
- a lone closing mark right after “ថា” opens the quote; “ក្នុងនោះសម្តេច…”
  is an honorific; a verb of wanting glued to a name ends it.

Also, in Khmer (issue 16, fourteenth round):

- a campaign's or programme's name in «» (“យុទ្ធនាការ «…»”) is a name, not
  the speech of the official the sentence names, nor of a headline echoing it;
- an office held by one person (“អ្នកនាំពាក្យក្រសួង…”) is the one person the
  paragraph before or after names with no role of their own, checked below
  the threshold.

Also, in English (issue 16, sixteenth round):

- a roundup's credit after each quote with no verb (`“…,” RCAF General X.`,
  `“…,” X on the …`, `“…” Angry soldier responding to …`, `“…,” A rebel
  official's view - …`), the title in front as the role, never the occasion
  (`, nominating …`); `Lieutenant-General` is a title, `Norodom Sihanouk` a
  person, and a name after a preposition no sentence's subject;
- a name one letter or one middle word off a person named before is that
  person, checked, with a note on the spelling;
- a name the story gives (`who asked to be called X`, `using the pseudonym
  X`); `The invitations only said … “…”` is the invitations'; `allowed that`;
  roles `(CCFC) director X`, `governor, X,`, `X who represented …, said`,
  `said X of the …`, `one of the accused, who serves as chief of …`.

Also, in English (issue 16, seventeenth round):

- a labelled photo credit (`(Photo: X)`, `Photo by X`) names nobody; a
  lede's opening clause (`As he described …, chief executive X recounted`)
  is about the main clause's subject; `X, which describes itself as “…”`;
- a capital or country speaking (`“…,” Phnom Penh said in a statement`) is
  its government; `“…,” say many members of the community` and `villagers
  say` are unnamed people; a web copy's link number (`[1]according to`) is
  ignored; all below the threshold;
- `Srey, a 52-year-old weaver, …` makes a one-word name, so `says the
  cheerful woman` is her; `You` and `In` start a name next to a speech verb
  (`said You Sokhom, manager of …`, `Co-Minister of Trade You Dara said`).

Also, in English (issue 16, eighteenth round):

- a list of voices, each line headed by its speaker (`Sok Dara (41) — “…”`,
  `Monk X, 62, a farmer – “…”`, `X (41), farmer: “…”`), checked; `X, 45, a
  farmer in Y said` (the comma forgotten) names X; `has referred to … as`;
- a sentence a stored copy split with a blank line (its quote left open, the
  next piece in lower case) is joined, later paragraphs keeping their numbers;
- `But the 35-year-old is in debt` is the person last named, checked; a
  dateline's place in capitals is nobody, in capitals or title case;
- roles: `deputy provincial police chief X`, `Manager of the …, X, said`, `X,
  chairman of the … also said`, `X is a plaintiff in …`, `X, who sells …`;
- “the post said” is the statement posted just before; a charge's words
  are the law named after them (`“…,” a crime under … the Penal Code`).

Also, in English (issue 16, twenty-sixth round): where a named person stands
in the photo (`Name (pictured) told …`, `(left)`) is no part of the sentence.

Every quote is found whatever happens: a paragraph the rules cannot read
gives its quotes unattributed, with a note. Below ``CONFIRM_THRESHOLD``
every finding carries a note saying what to check.

The modules, each importing only those above it:

- ``verbs``: the words that attribute speech;
- ``spans``: where the quotes are in a paragraph, and its sentences;
- ``khmer_words``: the Khmer words the Khmer rules read by;
- ``khmer_marks``: Khmer quote marks opened or closed in another paragraph;
- ``khmer``: people's names and roles in Khmer text;
- ``khmer_names``: whether a Khmer sentence's name is sure at its edges (a
  Latin name, or one glued to a word, is checked);
- ``khmer_works``: a work or document whose line a Khmer sentence quotes;
- ``names``: people's names in running text, titles in front kept apart;
- ``roles``: the role a story gives a person, its organization, and clean
  descriptions of unnamed sources;
- ``entities``: who can be quoted (a person, a group, a publication or
  document) and whether a title or description fits them;
- ``described``: speakers a sentence describes rather than names, and a
  name that only says whose the speaker is (“a spokesman for Hun Manet”);
- ``subjects``: the speaker a clause names before or after its speech verb;
- ``speakers``: the speaker a sentence gives a quote, as written;
- ``credits``: quotes credited after a dash or with no verb, words a thing
  carries (a banner, a sign), and quoted titles that are nobody's words;
- ``khmer_speech``: the same for a Khmer sentence;
- ``sources``: the publications and groups a story names, so that “the
  paper” or “the research group” is the one it named;
- ``confidence``: how sure each way of finding a speaker is, and the
  threshold for confirming;
- ``descriptions``: a description nobody was given by name (“the priest”,
  “the father of seven”) tied back to the named person it describes;
- ``cast``: the people and sources a story has put forward, and whom a name
  refers to;
- ``khmer_referents``: whom a Khmer pronoun, bare honorific or description
  refers to;
- ``referents``: whom a description or pronoun refers to;
- ``reading``: one paragraph's quotes, subjects and names, in reading order;
- ``analyze``: the whole story, quote by quote.
"""

from .analyze import Directory, Finding, analyze
from .cast import Cast
from .confidence import (
    AMBIGUOUS_PRONOUN,
    AMBIGUOUS_SHORT_NAME,
    AMBIGUOUS_TITLE,
    CONFIRM_THRESHOLD,
    CONTINUATION,
    DEFINITE_DESCRIPTION,
    DESCRIBED_SOURCE,
    EXPLICIT_FULL_NAME,
    EXPLICIT_SHORT_NAME,
    FALLBACK,
    INTRODUCED_BEFORE,
    NO_SPEAKER,
    PRONOUN,
    PRONOUN_GENDER_LEARNED,
    SAME_PARAGRAPH,
    SAME_SENTENCE,
    TITLE,
    UNKNOWN_SHORT_NAME,
)
from .entities import Entity
from .reading import read_paragraph
from .roles import parse_role
from .spans import clean_quote, find_quote_spans, split_sentences
from .speakers import Attribution, attribution_for

__all__ = [
    "AMBIGUOUS_PRONOUN",
    "AMBIGUOUS_SHORT_NAME",
    "AMBIGUOUS_TITLE",
    "CONFIRM_THRESHOLD",
    "CONTINUATION",
    "DEFINITE_DESCRIPTION",
    "DESCRIBED_SOURCE",
    "EXPLICIT_FULL_NAME",
    "EXPLICIT_SHORT_NAME",
    "FALLBACK",
    "INTRODUCED_BEFORE",
    "NO_SPEAKER",
    "PRONOUN",
    "PRONOUN_GENDER_LEARNED",
    "SAME_PARAGRAPH",
    "SAME_SENTENCE",
    "TITLE",
    "UNKNOWN_SHORT_NAME",
    "Attribution",
    "Cast",
    "Directory",
    "Entity",
    "Finding",
    "analyze",
    "attribution_for",
    "clean_quote",
    "find_quote_spans",
    "parse_role",
    "read_paragraph",
    "split_sentences",
]
