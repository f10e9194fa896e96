#!/usr/bin/env python3
"""Generate a synthetic patient-guidance site for benchmarking Signpost,
Hugo and Zola on the same content.

    python3 bench/gen_corpus.py --pages N --seed S --out DIR [--tool signpost|hugo|zola|all]

Output is deterministic: the same N, seed and tool give byte-identical files
(all randomness comes from one random.Random(seed); nothing depends on the
clock, on hash order or on the file system, except the two inputs read from
the Signpost repository: the default theme's pictogram names and style.css,
see PICTOGRAM_DIR and STYLE_CSS).

N counts every Markdown file in content/: the home page, the glossary page,
every section's _index.md, every page, and the easy-read twins. Each tool
renders each of those files to one HTML page, so pages/s compares like with
like.

With --tool all, DIR gets one sub-folder per tool: DIR/signpost, DIR/hugo,
DIR/zola. With a single tool, DIR is that tool's site folder.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import posixpath
import random
import re
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
SIGNPOST_ROOT = HERE.parent
PICTOGRAM_DIR = SIGNPOST_ROOT / "themes" / "default" / "static" / "pictograms"
STYLE_CSS = SIGNPOST_ROOT / "themes" / "default" / "static" / "style.css"
MARKER = ".bench-corpus.json"
TOOLS = ("signpost", "hugo", "zola")
SITE_TITLE = "Your mental health care: a guide"
SITE_DESCRIPTION = "Plain-English guidance about mental health care, care plans, carers, medicine, reviews and your rights."
HELP_TEXT = "In danger now? Call 999. Urgent mental health help: call NHS 111 and choose option 2."

# --------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------

GLOSSARY = [
    ("advance decision", ["advance decisions"], "A legal document where you say no to certain treatments in the future."),
    ("advance statement", ["advance statements"], "Something you write while you are well about how you would like to be treated if you become unwell."),
    ("advocate", ["advocates", "advocacy"], "Someone who is on your side and helps you have your say."),
    ("agenda", [], "The list of things to talk about at a meeting."),
    ("appeal", ["appeals"], "Asking for a decision to be looked at again."),
    ("assessment", ["assessments"], "A talk with a worker to find out what you need."),
    ("capacity", ["mental capacity"], "Being able to understand, remember and weigh up information to make a decision."),
    ("care coordinator", ["care coordinators"], "The main person in your team who makes sure your care plan happens."),
    ("care plan", ["care plans"], "A written plan of the help you will get and who will give it."),
    ("Care Programme Approach", ["CPA"], "A way for mental health services to plan and check the care of people with more complex needs."),
    ("carer's assessment", ["carers assessment"], "A talk with the council about what a carer needs to keep caring and stay well."),
    ("clinic", ["clinics"], "A place where you go to see a doctor, nurse or other worker."),
    ("community mental health team", ["community mental health teams", "CMHT"], "A team of workers who support people with mental health problems in their own homes and area."),
    ("community treatment order", ["community treatment orders", "CTO"], "Rules that let you leave hospital but say you must keep having treatment."),
    ("complaint", ["complaints"], "Telling a service, in speech or in writing, that you are unhappy with it."),
    ("confidentiality", ["confidential"], "Keeping what you say private, apart from a few times when the law says it must be shared."),
    ("consent", [], "Saying yes to a treatment or to sharing information, after it has been explained."),
    ("crisis plan", ["crisis plans"], "A plan that says what to do and who to call if you become very unwell."),
    ("crisis team", ["crisis teams"], "A team that can see you quickly at home when you are in a mental health crisis."),
    ("depot injection", ["depot injections", "depot"], "Medicine given as an injection that works slowly over some weeks."),
    ("diagnosis", ["diagnoses"], "The name a doctor gives to an illness or condition."),
    ("direct payment", ["direct payments"], "Money from the council that you use to arrange your own support."),
    ("discharge", ["discharged"], "When a service or a hospital stops looking after you."),
    ("GP", ["GPs"], "Your family doctor at the local surgery."),
    ("Mental Health Act", [], "The law that says when people can be kept in hospital for assessment or treatment."),
    ("nearest relative", ["nearest relatives"], "A family member with certain rights under the Mental Health Act."),
    ("occupational therapist", ["occupational therapists"], "A worker who helps you with everyday tasks, work and hobbies."),
    ("PALS", ["Patient Advice and Liaison Service"], "A service in the NHS that helps with questions and worries about care."),
    ("peer support worker", ["peer support workers", "peer support"], "A worker who has lived with mental health problems and uses that to help others."),
    ("personal budget", ["personal budgets"], "An amount of money for your support, which you can help decide how to spend."),
    ("prescription", ["prescriptions"], "A note from a doctor or nurse that lets you get medicine."),
    ("psychiatrist", ["psychiatrists"], "A doctor who specialises in mental health."),
    ("psychologist", ["psychologists"], "A worker who helps with thoughts, feelings and behaviour through talking."),
    ("relapse", ["relapses"], "When you become unwell again after a time of feeling better."),
    ("risk assessment", ["risk assessments"], "A look at what might cause harm to you or others, and how to stop it."),
    ("safeguarding", [], "Protecting people from harm, abuse and neglect."),
    ("second opinion", ["second opinions"], "Asking another doctor to look at your care and give their view."),
    ("section 117 aftercare", ["aftercare"], "Free help after you leave hospital, for some people who were kept under the Mental Health Act."),
    ("side effects", ["side effect"], "Unwanted things a medicine can do to your body or mind."),
    ("social worker", ["social workers"], "A worker who helps with housing, money, family and your rights."),
    ("tribunal", ["tribunals"], "A panel that decides if you should still be kept in hospital."),
]

WHO = [
    "your care coordinator", "your nurse", "your GP", "your psychiatrist", "a support worker",
    "the crisis team", "your social worker", "a peer support worker", "an advocate",
    "your psychologist", "an occupational therapist", "the community mental health team",
    "someone from the ward", "the person who runs the clinic",
]
CARER = [
    "your carer", "a family member", "a friend who supports you", "someone you trust",
    "your partner", "your nearest relative",
]
DOC = [
    "your care plan", "your crisis plan", "your advance statement", "the letter from the clinic",
    "your medicine list", "the notes from your review", "your risk assessment", "the agenda",
    "your discharge letter", "the plan for your aftercare",
]
WHEN = [
    "before the meeting", "after your review", "at least once a year", "within a few weeks",
    "when things change", "every few months", "as soon as you can", "on the day",
    "at your next appointment", "when you leave hospital",
]
MEDICINE = [
    "your medicine", "a new prescription", "a depot injection", "the dose", "the side effects",
    "a change to your tablets", "the medicine you take at night",
]
MEETING = [
    "your review meeting", "the next appointment", "a CPA review", "the ward round",
    "a meeting with your team", "your assessment", "the tribunal", "a home visit",
]
RIGHT = [
    "the right to see your records", "the right to an advocate", "the right to ask for a second opinion",
    "the right to make a complaint", "the right to a carer's assessment", "the right to a copy of your care plan",
    "the right to an interpreter", "the right to say who your information is shared with",
]
FEELING = ["worried", "unsure", "tired", "upset", "hopeful", "nervous", "angry", "confused", "low"]
ACTION = [
    "write down your questions", "ask for a copy", "bring someone with you", "ask what happens next",
    "check the date and time", "tell your team what matters to you", "ask for plain words",
    "keep a short diary", "ask for a longer appointment", "make a list of your medicine",
    "ask who to call out of hours", "ask for an interpreter", "take a break",
]
THING = [
    "housing", "money", "work", "sleep", "your physical health", "your family", "your culture",
    "your faith", "friends", "hobbies", "study", "benefits", "travel to appointments",
]

SENTENCES = [
    "You can ask {who} to explain {doc} in plain words.",
    "{Who} should agree {doc} with you {when}.",
    "If you feel {feeling} about {meeting}, it can help to {action}.",
    "{Carer} can come to {meeting} if you want them to.",
    "You have {right}.",
    "Ask {who} what {medicine} is for and how long you will need it.",
    "Tell {who} if {medicine} makes you feel {feeling}.",
    "It is a good idea to {action} {when}.",
    "{Doc} should say who to call in a crisis.",
    "Many people find it useful to {action}.",
    "You do not have to agree to everything in {doc}.",
    "If something is not working, say so {when}.",
    "{Who} will look at how things are going {when}.",
    "Write down anything you want to talk about at {meeting}.",
    "Carers can ask the council for a carer's assessment of their own needs.",
    "If you are not happy with your care, you can make a complaint or talk to PALS.",
    "An advocate can help you have your say at {meeting}.",
    "The community mental health team can support you at home and in your area.",
    "If you were kept in hospital, section 117 aftercare may pay for some support when you leave.",
    "You can ask for a second opinion if you do not agree with your diagnosis.",
    "Your nearest relative has some rights under the Mental Health Act.",
    "Your care plan should cover {thing} as well as your mental health.",
    "Help with {thing} can make a big difference to how you feel.",
    "{Who} can put you in touch with services that help with {thing}.",
    "Some people keep {doc} in a safe place at home.",
    "It is fine to ask for a break if {meeting} feels too long.",
    "You can ask for {meeting} to be held somewhere you feel safe.",
    "Your GP will get a copy of {doc} unless you say no.",
    "If your medicine has side effects, do not stop taking it without talking to {who}.",
    "A crisis plan is written with you while you are well.",
    "An advance statement tells your team what you would like to happen if you become unwell.",
    "The crisis team can visit you at home when things are very difficult.",
    "A peer support worker has their own experience of mental health problems.",
    "A psychologist can offer talking therapy on its own or alongside medicine.",
    "An occupational therapist can help with daily tasks, work and things you enjoy.",
    "A social worker can help with housing, money and your rights.",
    "Your psychiatrist is the doctor who looks at your diagnosis and your medicine.",
    "Your care coordinator keeps in touch with everyone who helps you.",
    "Safeguarding means keeping you and other people safe from harm.",
    "Confidentiality means your team keeps what you say private, with a few exceptions.",
    "You will be asked for your consent before information is shared, unless there is a serious risk.",
    "Having capacity means you can understand and weigh up a decision.",
    "A risk assessment looks at what might cause harm and how to prevent it.",
    "A relapse is when you become unwell again, and it is not your fault.",
    "A depot injection is medicine given every few weeks instead of tablets.",
    "Direct payments let you choose and pay for some of your own support.",
    "A personal budget is the amount of money set aside for your support.",
    "Discharge from a service should be planned with you, not done to you.",
    "A community treatment order sets rules you must follow after leaving hospital.",
    "You can appeal to a tribunal if you are kept in hospital and think you should not be.",
    "The agenda is the list of things the meeting will talk about.",
    "A clinic appointment may be with a doctor, a nurse or a therapist.",
    "A prescription lets you collect your medicine from a pharmacy.",
    "An advance decision lets you refuse certain treatments in the future.",
    "The Care Programme Approach is used for people who need support from several services.",
    "{Who} should explain any words you do not understand.",
    "You can ask for information in large print, easy read or another language.",
    "It is normal to feel {feeling} before {meeting}.",
    "Bring {doc} with you to {meeting}.",
    "You can change your mind about who comes to {meeting}.",
    "Ask {who} how to get help out of hours.",
    "If you move house, tell {who} {when}.",
    "Recovery means different things to different people.",
    "Small steps, like getting up at the same time each day, can help with {thing}.",
    "You can ask {who} to write down what was agreed.",
    "Everyone at {meeting} should listen to what you have to say.",
    "If you need more time to think, say so.",
    "Your views should be written into {doc}.",
]

BOLD_SENTENCES = [
    "You can ask for a copy of your care plan.",
    "You have the right to be involved in decisions about your care.",
    "In an emergency, call 999.",
    "You can bring someone with you.",
    "Do not stop your medicine suddenly.",
    "Your views matter.",
    "Ask if you do not understand.",
    "You can ask for a review at any time.",
]

LIST_ITEMS = [
    "what is going well", "what is not going so well", "changes to {medicine}", "how you are sleeping",
    "help with {thing}", "who to call in a crisis", "what {carer} needs", "your goals for the next few months",
    "any side effects", "questions about {doc}", "support from {who}", "dates of your next appointments",
    "how you would like to be contacted", "anything that worries you", "what helps when you feel {feeling}",
    "things you would like to try", "who can see your records", "how to make a complaint",
    "plans for when you leave hospital", "support for your family",
]

STEPS = [
    "Check the date, time and place of {meeting}.",
    "Write down what you want to say.",
    "Ask {carer} if they can come with you.",
    "Read {doc} again.",
    "Go to {meeting} and say what matters to you.",
    "Ask {who} to explain anything that is not clear.",
    "Check that {doc} says what was agreed.",
    "Keep a copy somewhere safe.",
    "Ask when the next review will be.",
    "Tell {who} if anything changes.",
]

QUOTES = [
    "Writing my questions down before the meeting meant I did not forget anything.",
    "My care coordinator explained the plan until I understood it.",
    "Having my sister with me made the review much less frightening.",
    "I did not know I could ask for a second opinion until an advocate told me.",
    "The crisis plan gave us all something to follow when things got hard.",
    "It helped to say what I wanted, not just what the team wanted.",
    "Getting help with money took a lot of worry away.",
    "I asked for the meeting at home, and they agreed.",
]
CALLOUTS = ["NOTE", "TIP", "IMPORTANT"]

H2 = [
    "What this means for you", "Before your appointment", "At the meeting", "After the meeting",
    "Who can help", "Questions you might ask", "If things go wrong", "Your rights",
    "Help for carers", "What happens next", "Getting ready", "Talking about medicine",
    "Making a complaint", "Keeping safe", "When things change", "Planning ahead",
    "Looking after yourself", "Getting support at home", "Things to bring", "If you disagree",
    "Where to get advice", "How long it takes", "Working with your team", "Sharing information",
    "Your care plan and you", "Reviews and what to expect", "Money and housing", "Work and study",
    "Getting a second opinion", "Leaving hospital", "Staying well", "Side effects and what to do",
]
H3 = [
    "For service users", "For carers", "For young people", "If you are in hospital",
    "If you live at home", "In an emergency", "Step one", "Step two", "Things to check",
    "Useful questions", "Examples", "Good to know", "If you need an interpreter", "Out of hours",
]

SECTION_TITLES = [
    "Care plans", "Appointments", "Carers", "Medicine", "Reviews", "Your rights", "Crisis support",
    "Hospital stays", "Recovery", "Money and benefits", "Housing", "Work and study",
    "Talking therapies", "Young people", "Older adults", "Families", "Complaints", "Advocacy",
    "The Mental Health Act", "Leaving hospital", "Physical health", "Sleep", "Eating well",
    "Drugs and alcohol", "Staying safe", "Getting a diagnosis", "Community teams", "Assessments",
    "Records and information", "Interpreters and languages", "Planning ahead", "Day services",
    "Peer support", "Employment support", "Personal budgets", "Transport", "Faith and culture",
    "Parenting", "Pregnancy and after birth", "Learning disabilities", "Autism", "Dementia",
    "Eating disorders", "Psychosis", "Anxiety", "Depression", "Bipolar disorder",
    "Personality disorders", "Self-harm", "Suicidal thoughts", "Trauma", "Grief",
    "Loneliness", "Education", "Legal help", "Police and courts", "Prisons", "Veterans",
    "Students", "Travel abroad", "Online help", "Telephone support", "Feedback",
]
SUB_QUALIFIERS = [
    "for carers", "in hospital", "at home", "for young people", "questions and answers",
    "step by step", "in the community", "when things change", "for families", "first steps",
]

TITLE_STEMS = [
    "Asking about", "Preparing for", "Understanding", "Getting help with", "Talking to your team about",
    "What to expect from", "Your rights and", "Carers and", "Changes to", "Questions about",
    "Planning", "Getting ready for", "Making decisions about", "Support with", "A guide to",
    "Problems with", "Help with", "Choices about", "Checking", "Being involved in",
]
TITLE_OBJECTS = [
    "your care plan", "medicine reviews", "a CPA meeting", "crisis plans", "discharge from hospital",
    "your care coordinator", "side effects", "depot injections", "carer's assessments",
    "a second opinion", "section 117 aftercare", "community treatment orders", "advance statements",
    "advance decisions", "direct payments", "personal budgets", "a tribunal", "your records",
    "confidentiality", "consent to treatment", "risk assessments", "home visits", "ward rounds",
    "talking therapies", "peer support", "your diagnosis", "housing support", "benefits",
    "work and volunteering", "your GP", "out of hours help", "interpreters", "complaints",
    "advocacy", "safeguarding", "physical health checks", "sleep problems", "relapse",
    "recovery goals", "group sessions",
]
TITLE_SUFFIXES = [
    "", " for carers", " for young people", " when you are in hospital", " at home",
    " for families", " in the community", " after a crisis",
]
SUMMARY_TEMPLATES = [
    "What {lower} involves, who can help and what to ask.",
    "Plain answers about {lower}, for service users and carers.",
    "How {lower} works, your rights and where to get support.",
    "A short guide to {lower}, with questions to ask your team.",
]
AUDIENCES = ["service-users", "carers", "professionals", "families"]
SOURCES = [
    "Making the CPA work for you (2008)",
    "Refocusing the Care Programme Approach (2008)",
    "Mental Health Act 1983: Code of Practice (2015)",
    "Care Act 2014",
    "NICE guideline NG53",
    "Signpost editors",
]

# Easy-read rows: (pictogram, alt text, sentences). Written to pass Signpost's
# easy-read checks: short sentences, digits, and every hard word (a glossary
# term, or a word of 4 syllables or more) in bold and explained by the next
# sentence. Alt text is read as part of the row, so it avoids hard words too.
EASY_SENTENCES = [
    ("meeting", "People sitting round a table", ["You will have a meeting.", "The meeting is about your care."]),
    ("plan", "A sheet of paper with a list", ["You have a **care plan**.", "This plan is a list of the help you get."]),
    ("question", "A question mark", ["You can ask questions.", "Ask if you do not understand."]),
    ("friends", "2 friends together", ["You can bring a friend.", "They can help you."]),
    ("carer", "A person helping another person", ["Your carer can help too.", "They can tell us what they need."]),
    ("medicine", "A box of tablets", ["You may take medicine.", "Tell us if it makes you feel bad."]),
    ("doctor", "A doctor", ["A doctor will talk to you.", "The doctor will listen."]),
    ("nurse", "A nurse", ["A nurse can visit you at home."]),
    ("phone", "A phone", ["You can phone us.", "The number is on your letter."]),
    ("calendar", "A calendar", ["We will meet again.", "We will tell you the date."]),
    ("rights", "A person standing tall", ["You have rights.", "The law keeps you safe."]),
    ("advocate", "A person speaking up for someone", ["An **advocate** can help you.", "This is someone who helps you have your say."]),
    ("complaint", "A person who is not happy", ["You can complain if you are not happy."]),
    ("letter", "A letter in an envelope", ["We will send you a letter.", "It says what we agreed."]),
    ("safe", "A shield", ["We want you to be safe."]),
    ("crisis", "A person who is very upset", ["If you feel very bad, get help now.", "Call 999 if you are in danger."]),
    ("listen", "An ear", ["We will listen to you."]),
    ("talk", "2 people talking", ["You can talk about how you feel."]),
    ("home", "A house", ["We can meet at your home."]),
    ("hospital", "A hospital building", ["Some people stay in hospital for a while."]),
    ("recovery", "A person walking up some steps", ["Getting better takes time.", "Small steps help."]),
    ("hope", "The sun coming up", ["Many people get better."]),
    ("records", "A folder of papers", ["We write down what we talk about.", "You can see what we write."]),
    ("private", "A lock", ["We keep your **information** private.", "This means we do not share it without asking you."]),
    ("money", "Some coins", ["You can get help with money."]),
    ("work", "A person at work", ["You can get help with work."]),
    ("checklist", "A list with ticks", ["Make a list of things to say."]),
    ("review", "A person reading a plan", ["We will check your plan.", "We do this at least once a year."]),
    ("yes", "A tick", ["You can say yes."]),
    ("no", "A cross", ["You can say no."]),
    ("help", "A hand reaching out", ["Ask for help when you need it."]),
    ("clock", "A clock", ["The meeting will not take long."]),
]

WORKSHEET_ITEMS = [
    "What would you like to talk about at your next review? [lines 3]",
    "Do you have a copy of your care plan? [yes/no]",
    "Have you been told about side effects of your medicine? [yes/no/not sure]",
    "How would you like to take part? [choose: In person / By phone / Online]",
    "Who would you like to come with you? [tick]\n- An advocate\n- A friend\n- A family member\n- Nobody",
    "What helps when you feel unwell? [lines 4]",
    "Who can you call in a crisis? [lines 2]",
    "Need | What would help | Who | By when [table 4]",
    "Is anything worrying you about money or housing? [yes/no/not sure]",
    "What are your goals for the next few months? [lines 3]",
    "Your name [text]",
    "Date [date]",
    "Signed [signature]",
]

RESERVED_IDS = {"main", "page-info", "pages-in-this-section", "more-sections", "sections", "more-pages", "glossary"}


def cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def slugify(text: str) -> str:
    """Same rule as Signpost's slug.rs for ASCII (also Hugo's and Zola's for our headings)."""
    words = re.findall(r"[a-z0-9]+", text.lower().replace("'", ""))
    return "-".join(words)


def link_text(title: str) -> str:
    first = title.split(" ", 1)[0]
    if len(first) > 1 and first[1:].lower() != first[1:]:
        return title  # acronym or proper noun at the start
    return title[:1].lower() + title[1:]


# --------------------------------------------------------------------------
# Site model
# --------------------------------------------------------------------------


@dataclass
class Node:
    """One Markdown file of the site."""

    kind: str  # home, section, page, easy, glossary
    path: str  # content-relative path for Signpost, like "care-plans/asking.md"
    title: str
    summary: str
    weight: int
    folder: str  # content-relative folder ("" for the home)
    slug: str = ""
    reviewed: str = ""
    review_due: str = ""
    audience: list = field(default_factory=list)
    sources: list = field(default_factory=list)
    h2: list = field(default_factory=list)  # heading texts usable as link anchors
    body: list = field(default_factory=list)  # body parts: str or ("link", idx, frag, text) or ("picto", name, alt)
    worksheet: bool = False
    twin_of: "Node | None" = None
    children_pages: list = field(default_factory=list)

    def alt_path(self) -> str:
        """Path used by Hugo and Zola (no `.easy.md`: that suffix means a language there)."""
        if self.kind == "easy":
            return self.path[: -len(".easy.md")] + "-easy-read.md"
        return self.path

    def hugo_url_dir(self) -> str:
        """Folder of the page's URL, relative to the site root, with no slashes at the ends."""
        p = self.alt_path()
        if p == "_index.md":
            return ""
        if p.endswith("/_index.md"):
            return p[: -len("/_index.md")]
        return p[: -len(".md")]


class Generator:
    def __init__(self, pages: int, seed: int):
        if pages < 10:
            raise SystemExit("gen_corpus: --pages must be at least 10")
        self.n = pages
        self.rng = random.Random(seed)
        self.nodes: list[Node] = []
        self.pictograms = self._pictograms()

    # ---- helpers -------------------------------------------------------

    def _pictograms(self) -> list[str]:
        if PICTOGRAM_DIR.is_dir():
            names = sorted(p.stem for p in PICTOGRAM_DIR.glob("*.svg"))
        else:
            names = []
        if not names:
            names = sorted({row[0] for row in EASY_SENTENCES})
        return names

    def fill(self, template: str, bold: bool = False) -> str:
        r = self.rng
        bold_left = [bold]
        slots = {
            "who": lambda: r.choice(WHO),
            "carer": lambda: r.choice(CARER),
            "doc": lambda: r.choice(DOC),
            "when": lambda: r.choice(WHEN),
            "medicine": lambda: r.choice(MEDICINE),
            "meeting": lambda: r.choice(MEETING),
            "right": lambda: r.choice(RIGHT),
            "feeling": lambda: r.choice(FEELING),
            "action": lambda: r.choice(ACTION),
            "thing": lambda: r.choice(THING),
        }

        def sub(m: re.Match) -> str:
            name = m.group(1)
            value = slots[name.lower()]()
            value = cap(value) if name[0].isupper() else value
            if bold_left[0]:
                bold_left[0] = False
                value = f"**{value}**"
            return value

        return re.sub(r"\{(\w+)\}", sub, template)

    def sentence(self) -> str:
        r = self.rng
        if r.random() < 0.06:
            return "**" + r.choice(BOLD_SENTENCES) + "**"
        # Now and then, one filled-in phrase is bold.
        return self.fill(r.choice(SENTENCES), bold=r.random() < 0.08)

    def dates(self):
        r = self.rng
        month = r.randint(1, 10)
        day = r.randint(1, 28)
        reviewed = f"2026-{month:02d}-{day:02d}"
        due = f"{2027 + r.randint(0, 1)}-{month:02d}-{day:02d}"
        return reviewed, due

    def meta(self, node: Node):
        r = self.rng
        node.reviewed, node.review_due = self.dates()
        node.audience = sorted(r.sample(AUDIENCES, r.randint(1, 3)), key=AUDIENCES.index)
        node.sources = sorted(r.sample(SOURCES, r.randint(1, 2)), key=SOURCES.index)

    # ---- structure -----------------------------------------------------

    def build(self):
        r = self.rng
        n_top = max(1, round(math.sqrt(self.n) / 2))
        # Top-level sections, with sub-sections for about a third of them.
        titles = list(SECTION_TITLES)
        r.shuffle(titles)
        while len(titles) < n_top:
            titles += [f"{t} {k}" for k in range(2, 10) for t in SECTION_TITLES]
        sections: list[Node] = []
        used_slugs = {"": {"glossary"}}
        for i in range(n_top):
            title = titles[i]
            slug = self.unique_slug(slugify(title), used_slugs[""])
            sec = Node("section", f"{slug}/_index.md", title, self.section_summary(title), (i + 1) * 10, slug, slug)
            sections.append(sec)
            used_slugs[slug] = set()
        subs: list[Node] = []
        for top in list(sections):
            if r.random() < 0.35:
                quals = r.sample(SUB_QUALIFIERS, r.randint(1, 3))
                for j, q in enumerate(quals):
                    title = f"{top.title} {q}"
                    slug = self.unique_slug(slugify(q), used_slugs[top.folder])
                    folder = f"{top.folder}/{slug}"
                    sub = Node("section", f"{folder}/_index.md", title, self.section_summary(title), 500 + j * 10, folder, slug)
                    subs.append(sub)
                    used_slugs[folder] = set()
                    # Occasionally a third level.
                    if r.random() < 0.15:
                        q2 = r.choice([x for x in SUB_QUALIFIERS if x != q])
                        t2 = f"{title}: {q2}"
                        s2 = self.unique_slug(slugify(q2), used_slugs[folder])
                        f2 = f"{folder}/{s2}"
                        subs.append(Node("section", f"{f2}/_index.md", t2, self.section_summary(t2), 500, f2, s2))
                        used_slugs[f2] = set()
        all_sections = sections + subs
        fixed = 2 + len(all_sections)  # home, glossary, sections
        rest = self.n - fixed
        if rest < 1:
            raise SystemExit(f"gen_corpus: --pages {self.n} is too small for {len(all_sections)} sections")
        n_easy = rest // 101
        n_pages = rest - n_easy
        n_ws = max(1, round(n_pages / 100)) if n_pages >= 20 else 0

        home = Node("home", "_index.md", SITE_TITLE, SITE_DESCRIPTION, 0, "")
        glossary = Node("glossary", "glossary.md", "Glossary", "Plain meanings of words used in this guide.", 9000, "", "glossary")
        for n in [home, glossary] + all_sections:
            self.meta(n)

        # Page titles: unique, sampled without replacement.
        combos = [f"{s} {o}{x}" for s in TITLE_STEMS for o in TITLE_OBJECTS for x in TITLE_SUFFIXES]
        r.shuffle(combos)
        page_titles = []
        k = 0
        while len(page_titles) < n_pages:
            base = combos[k % len(combos)]
            part = k // len(combos)
            page_titles.append(base if part == 0 else f"{base}: part {part + 1}")
            k += 1

        # Every section gets one page, the rest go anywhere.
        owners = list(all_sections) + [r.choice(all_sections) for _ in range(max(0, n_pages - len(all_sections)))]
        pages: list[Node] = []
        counts: dict[str, int] = {}
        for title, owner in zip(page_titles, owners):
            slug = self.unique_slug(slugify(title), used_slugs[owner.folder])
            counts[owner.folder] = counts.get(owner.folder, 0) + 1
            p = Node("page", f"{owner.folder}/{slug}.md", title, self.page_summary(title), counts[owner.folder] * 10, owner.folder, slug)
            self.meta(p)
            owner.children_pages.append(p)
            pages.append(p)
        ws_idx = sorted(r.sample(range(len(pages)), n_ws)) if n_ws else []
        for i in ws_idx:
            pages[i].worksheet = True
        candidates = [p for p in pages if not p.worksheet]
        easy_of = sorted(r.sample(range(len(candidates)), min(n_easy, len(candidates))))
        easy: list[Node] = []
        for i in easy_of:
            std = candidates[i]
            e = Node("easy", std.path[: -len(".md")] + ".easy.md", f"{std.title}: easy read",
                     f"An easy read version of {link_text(std.title)}.", std.weight + 1, std.folder, std.slug + "-easy-read")
            self.meta(e)
            e.twin_of = std
            easy.append(e)

        # Headings before bodies, so links can point at another page's heading.
        for p in pages:
            p.h2 = r.sample(H2, r.randint(1, 2) if p.worksheet else r.randint(3, 6))
        self.nodes = [home, glossary] + all_sections + pages + easy
        self.pages = pages
        self.sections = all_sections
        link_targets = pages + all_sections

        home.body = self.short_body(link_targets, 120, 200, 1)
        glossary.body = ["This list explains words you may meet in this guide and in letters from services.\n\n",
                         "On other pages, these words link here the first time they appear.\n"]
        for s in all_sections:
            s.body = self.short_body(link_targets, 60, 150, r.randint(0, 2), s)
        for p in pages:
            p.body = self.page_body(p, link_targets)
        for e in easy:
            e.body = self.easy_body(e)

    def unique_slug(self, slug: str, used: set) -> str:
        candidate = slug or "page"
        k = 2
        while candidate in used or candidate in ("easy-read", "static", "booklet"):
            candidate = f"{slug}-{k}"
            k += 1
        used.add(candidate)
        return candidate

    def section_summary(self, title: str) -> str:
        return f"Guidance about {link_text(title)}: what to expect, your rights and who can help."

    def page_summary(self, title: str) -> str:
        return self.rng.choice(SUMMARY_TEMPLATES).format(lower=link_text(title))

    # ---- bodies --------------------------------------------------------

    def pick_target(self, targets: list[Node], me: Node | None) -> Node:
        while True:
            t = self.rng.choice(targets)
            if t is not me:
                return t

    def link_part(self, targets: list[Node], me: Node | None):
        r = self.rng
        t = self.pick_target(targets, me)
        if t.kind == "page" and t.h2 and r.random() < 0.15:
            heading = r.choice(t.h2)
            return ("link", t, slugify(heading), f"{heading.lower()} in {link_text(t.title)}")
        return ("link", t, "", link_text(t.title))

    def link_sentence(self, targets, me) -> list:
        r = self.rng
        part = self.link_part(targets, me)
        before, after = r.choice([
            ("You can read more in ", "."),
            ("There is more about this in ", "."),
            ("See ", " for what happens next."),
            ("", " explains this step by step."),
            ("Some people also find ", " useful."),
        ])
        if before == "":
            # Capitalise the link text at the start of a sentence.
            part = (part[0], part[1], part[2], cap(part[3]))
        return [before, part, after]

    def paragraph(self, n_min=3, n_max=6) -> list[str]:
        return [self.sentence() for _ in range(self.rng.randint(n_min, n_max))]

    def short_body(self, targets, wmin, wmax, n_links, me=None) -> list:
        target = self.rng.randint(wmin, wmax)
        blocks = []
        words = 0
        while words < target:
            para = self.paragraph(2, 5)
            words += sum(len(s.split()) for s in para)
            blocks.append(("p", [[s] for s in para]))
        self.insert_links(blocks, targets, me, n_links)
        return self.render_blocks(blocks)

    def page_body(self, page: Node, targets) -> list:
        r = self.rng
        target = r.randint(600, 870) if not page.worksheet else r.randint(150, 250)
        blocks: list = []
        words = 0

        def add(block):
            nonlocal words
            blocks.append(block)
            if block[0] in ("p", "ul", "ol", "quote", "callout"):
                words += sum(len(" ".join(x for x in item if isinstance(x, str)).split()) for item in block[1])
            elif block[0] in ("h2", "h3"):
                words += len(block[1].split())

        add(("p", [[s] for s in self.paragraph(2, 4)]))
        h3_pool = list(H3)
        r.shuffle(h3_pool)
        heads = page.h2
        for hi, heading in enumerate(heads):
            add(("h2", heading))
            goal = target * (hi + 1) / len(heads)
            add(self.random_block())
            if h3_pool and r.random() < 0.3:
                add(("h3", h3_pool.pop()))
                add(self.random_block())
            while words < goal:
                add(self.random_block())
        self.insert_links(blocks, targets, page, r.randint(2, 5))
        parts = self.render_blocks(blocks)
        if page.worksheet:
            picked = sorted(r.sample(range(len(WORKSHEET_ITEMS)), r.randint(5, 8)))
            items = [WORKSHEET_ITEMS[i] for i in picked]
            ws = "```worksheet\n" + "\n".join(items) + "\n```\n"
            parts.append("\n" + ws)
        return parts

    def random_block(self):
        r = self.rng
        x = r.random()
        if x < 0.55:
            return ("p", [[s] for s in self.paragraph()])
        if x < 0.75:
            items = [cap(self.fill(t)) for t in r.sample(LIST_ITEMS, r.randint(3, 6))]
            return ("ul", [[i] for i in items])
        if x < 0.87:
            n = r.randint(3, 5)
            start = r.randint(0, len(STEPS) - n)
            return ("ol", [[self.fill(t)] for t in STEPS[start:start + n]])
        if x < 0.95:
            return ("quote", [[r.choice(QUOTES)]])
        return ("callout", [[r.choice(CALLOUTS)], [self.sentence()], [self.sentence()]])

    def insert_links(self, blocks, targets, me, n_links):
        r = self.rng
        slots = [(bi, ii) for bi, b in enumerate(blocks) if b[0] in ("p", "ul") for ii in range(len(b[1]))]
        if not slots:
            return
        for bi, ii in sorted(r.sample(slots, min(n_links, len(slots)))):
            kind, items = blocks[bi]
            if kind == "p":
                items.insert(ii + 1, self.link_sentence(targets, me))
            else:
                items[ii] = items[ii] + [": see ", self.link_part(targets, me)]

    def render_blocks(self, blocks) -> list:
        out: list = []
        first = True
        for kind, content in blocks:
            if not first:
                out.append("\n")
            first = False
            if kind == "h2":
                out.append(f"## {content}\n")
            elif kind == "h3":
                out.append(f"### {content}\n")
            elif kind == "p":
                for i, s in enumerate(content):
                    if i:
                        out.append(" ")
                    out.extend(s)
                out.append("\n")
            elif kind == "ul":
                for item in content:
                    out.append("- ")
                    out.extend(item)
                    out.append("\n")
            elif kind == "ol":
                for n, item in enumerate(content, 1):
                    out.append(f"{n}. ")
                    out.extend(item)
                    out.append("\n")
            elif kind == "quote":
                out.append("> ")
                out.extend(content[0])
                out.append("\n")
            elif kind == "callout":
                out.append(f"> [!{content[0][0]}]\n> ")
                out.extend(content[1])
                out.append(" ")
                out.extend(content[2])
                out.append("\n")
        return out

    def easy_body(self, e: Node) -> list:
        r = self.rng
        rows = r.sample(EASY_SENTENCES, min(len(EASY_SENTENCES), r.randint(10, 16)))
        out: list = []
        headed = False
        for i, (name, alt, sentences) in enumerate(rows):
            if name not in self.pictograms:
                name = self.pictograms[i % len(self.pictograms)]
            if i == len(rows) // 2 and not headed:
                out.append("## What happens next\n\n")
                headed = True
            out.append(("picto", name, alt))
            out.append("\n" + "\n".join(sentences) + "\n\n")
        if out and isinstance(out[-1], str):
            out[-1] = out[-1].rstrip("\n") + "\n"
        return out


# --------------------------------------------------------------------------
# Writers
# --------------------------------------------------------------------------


def yaml_str(s: str) -> str:
    return json.dumps(s, ensure_ascii=False)


def rel_md(src: Node, dst: Node) -> str:
    """Signpost link: relative path from the source file's folder to the target file."""
    src_dir = posixpath.dirname(src.path) or "."
    return posixpath.relpath(dst.path, src_dir)


def rel_url(src: Node, dst: Node) -> str:
    """Hugo link: relative URL from the source page's address to the target's."""
    s = src.hugo_url_dir() or "."
    d = dst.hugo_url_dir() or "."
    rel = posixpath.relpath(d, s)
    return "./" if rel == "." else rel + "/"


def render_body(node: Node, tool: str) -> str:
    out = []
    for part in node.body:
        if isinstance(part, str):
            out.append(part)
        elif part[0] == "link":
            _, target, frag, text = part
            if tool == "signpost":
                href = rel_md(node, target)
            elif tool == "hugo":
                href = rel_url(node, target)
            else:
                href = "@/" + target.alt_path()
            if frag:
                href += "#" + frag
            out.append(f"[{text}]({href})")
        elif part[0] == "picto":
            _, name, alt = part
            src = f"picto:{name}" if tool == "signpost" else f"/pictograms/{name}.svg"
            out.append(f"![{alt}]({src})")
    return "".join(out)


def glossary_body_for_peers() -> str:
    lines = []
    for term, aliases, meaning in sorted(GLOSSARY, key=lambda g: g[0].lower()):
        lines.append(f"\n### {term}\n\n{meaning}\n")
    return "".join(lines)


def signpost_front(node: Node) -> str:
    lines = ["---", f"title: {yaml_str(node.title)}", f"summary: {yaml_str(node.summary)}"]
    if node.reviewed:
        lines += [f"reviewed: {node.reviewed}", f"review_due: {node.review_due}"]
    if node.kind != "home":
        lines.append(f"weight: {node.weight}")
    if node.kind == "glossary":
        lines.append("template: glossary")
    if node.audience:
        lines.append("audience: [" + ", ".join(node.audience) + "]")
    if node.sources:
        lines.append("sources:")
        lines += [f"  - {yaml_str(s)}" for s in node.sources]
    lines.append("---")
    return "\n".join(lines) + "\n\n"


def hugo_front(node: Node) -> str:
    lines = ["---", f"title: {yaml_str(node.title)}", f"summary: {yaml_str(node.summary)}"]
    if node.reviewed:
        lines += [f"reviewed: {node.reviewed}", f"review_due: {node.review_due}"]
    if node.kind != "home":
        lines.append(f"weight: {node.weight}")
    if node.audience:
        lines.append("audience: [" + ", ".join(node.audience) + "]")
    if node.sources:
        lines.append("sources:")
        lines += [f"  - {yaml_str(s)}" for s in node.sources]
    lines.append("---")
    return "\n".join(lines) + "\n\n"


def toml_str(s: str) -> str:
    return json.dumps(s, ensure_ascii=False)  # JSON strings are valid TOML basic strings


def zola_front(node: Node) -> str:
    lines = ["+++", f"title = {toml_str(node.title)}", f"description = {toml_str(node.summary)}"]
    if node.kind != "home":
        lines.append(f"weight = {node.weight}")
    if node.kind in ("home", "section"):
        lines.append('sort_by = "weight"')
    lines.append("")
    lines.append("[extra]")
    if node.reviewed:
        lines += [f"reviewed = {toml_str(node.reviewed)}", f"review_due = {toml_str(node.review_due)}"]
    if node.audience:
        lines.append("audience = [" + ", ".join(toml_str(a) for a in node.audience) + "]")
    if node.sources:
        lines.append("sources = [" + ", ".join(toml_str(s) for s in node.sources) + "]")
    lines.append("+++")
    return "\n".join(lines) + "\n\n"


def write(path: Path, text: str):
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def style_css() -> str:
    if STYLE_CSS.is_file():
        return STYLE_CSS.read_text(encoding="utf-8")
    return "body{font-family:system-ui,sans-serif;line-height:1.5;margin:0}.wrap{max-width:40rem;margin:0 auto;padding:0 1rem}\n"


def write_signpost(gen: Generator, root: Path):
    yaml = [
        "# Synthetic benchmark site made by bench/gen_corpus.py. Do not edit.",
        f"title: {yaml_str(SITE_TITLE)}",
        f"description: {yaml_str(SITE_DESCRIPTION)}",
        "language: en-GB",
        "help:",
        f"  text: {yaml_str(HELP_TEXT)}",
        "# Hugo and Zola make no printable booklets, so neither does Signpost here.",
        "booklets: {guide: false, sections: false}",
        "",
    ]
    write(root / "site.yaml", "\n".join(yaml))
    gl = ["# Terms used by the synthetic corpus."]
    for term, aliases, meaning in sorted(GLOSSARY, key=lambda g: g[0].lower()):
        gl.append(f"- term: {yaml_str(term)}")
        if aliases:
            gl.append("  aliases: [" + ", ".join(yaml_str(a) for a in aliases) + "]")
        gl.append(f"  meaning: {yaml_str(meaning)}")
    write(root / "data" / "glossary.yaml", "\n".join(gl) + "\n")
    for node in gen.nodes:
        write(root / "content" / node.path, signpost_front(node) + render_body(node, "signpost"))


HUGO_BASEOF = """<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if .IsHome }}{{ .Site.Title }}{{ else }}{{ .Title }} | {{ .Site.Title }}{{ end }}</title>
{{ with .Params.summary }}<meta name="description" content="{{ . }}">{{ end }}
<style>
__CSS__
</style>
</head>
<body>
<a class="skip-link" href="#main">Skip to main content</a>
<header class="site-header"><div class="wrap"><a class="site-title" href="{{ "/" | relURL }}">{{ .Site.Title }}</a></div></header>
<aside class="help-banner wrap" aria-label="Need help now?"><h2>Need help now?</h2><p>__HELP__</p></aside>
{{ if not .IsHome }}
<nav class="breadcrumbs wrap" aria-label="Breadcrumb">
<ol>
{{ range .Ancestors.Reverse }}<li><a href="{{ .RelPermalink }}">{{ if .IsHome }}Home{{ else }}{{ .Title }}{{ end }}</a></li>{{ end }}
</ol>
</nav>
{{ end }}
<main id="main" class="wrap">
<h1>{{ .Title }}</h1>
{{ block "main" . }}{{ end }}
<footer class="page-info" id="page-info">
{{ with .Params.reviewed }}<p>Page last reviewed: <time datetime="{{ time.Format "2006-01-02" . }}">{{ time.Format "2 January 2006" . }}</time></p>{{ end }}
{{ with .Params.review_due }}<p>Next review due: <time datetime="{{ time.Format "2006-01-02" . }}">{{ time.Format "2 January 2006" . }}</time></p>{{ end }}
{{ with .Params.sources }}<p>Based on: {{ delimit . "; " }}</p>{{ end }}
</footer>
</main>
<nav class="site-nav wrap" aria-label="Sections of this guide">
<h2>Sections of this guide</h2>
<ul>
{{ $current := . }}{{ range .Site.Sections }}<li><a href="{{ .RelPermalink }}"{{ if or (eq $current .) ($current.IsDescendant .) }} aria-current="true"{{ end }}>{{ .Title }}</a></li>
{{ end }}
</ul>
</nav>
<footer class="site-footer"><div class="wrap"><p>{{ .Site.Title }}</p></div></footer>
</body>
</html>
"""

HUGO_LISTING = """<ul class="listing">
{{ range . }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ with .Params.summary }}<p>{{ . }}</p>{{ end }}</li>
{{ end }}
</ul>"""

HUGO_SINGLE = """{{ define "main" }}
{{ .Content }}
{{ if or .PrevInSection .NextInSection }}
<nav class="pager" aria-label="Previous and next pages">
<ul>
{{ with .NextInSection }}<li class="prev"><a href="{{ .RelPermalink }}" rel="prev">Previous: {{ .Title }}</a></li>{{ end }}
{{ with .PrevInSection }}<li class="next"><a href="{{ .RelPermalink }}" rel="next">Next: {{ .Title }}</a></li>{{ end }}
</ul>
</nav>
{{ end }}
{{ end }}
"""

HUGO_LIST = """{{ define "main" }}
{{ .Content }}
{{ with .RegularPages }}<h2 id="pages-in-this-section">Pages in this section</h2>
__LISTING__{{ end }}
{{ with .Sections }}<h2 id="more-sections">More sections</h2>
__LISTING__{{ end }}
{{ end }}
"""

HUGO_INDEX = """{{ define "main" }}
{{ .Content }}
{{ with .Sections }}<h2 id="sections">Sections of this guide</h2>
__LISTING__{{ end }}
{{ with .RegularPages }}<h2 id="more-pages">More pages</h2>
__LISTING__{{ end }}
{{ end }}
"""


def write_pictograms(root: Path):
    if not PICTOGRAM_DIR.is_dir():
        return
    for svg in sorted(PICTOGRAM_DIR.glob("*.svg")):
        dst = root / "static" / "pictograms" / svg.name
        dst.parent.mkdir(parents=True, exist_ok=True)
        dst.write_bytes(svg.read_bytes())


def write_hugo(gen: Generator, root: Path):
    cfg = f"""# Synthetic benchmark site made by bench/gen_corpus.py. Do not edit.
baseURL = "/"
title = {toml_str(SITE_TITLE)}
languageCode = "en-gb"
disableKinds = ["taxonomy", "term", "RSS"]

[params]
description = {toml_str(SITE_DESCRIPTION)}

[minify]
minifyOutput = true

[markup.highlight]
codeFences = false
"""
    write(root / "hugo.toml", cfg)
    css = style_css()
    write(root / "layouts" / "_default" / "baseof.html", HUGO_BASEOF.replace("__CSS__", css).replace("__HELP__", HELP_TEXT))
    write(root / "layouts" / "_default" / "single.html", HUGO_SINGLE)
    write(root / "layouts" / "_default" / "list.html", HUGO_LIST.replace("__LISTING__", HUGO_LISTING))
    write(root / "layouts" / "index.html", HUGO_INDEX.replace("__LISTING__", HUGO_LISTING))
    write_pictograms(root)
    for node in gen.nodes:
        body = render_body(node, "hugo")
        if node.kind == "glossary":
            body += glossary_body_for_peers()
        write(root / "content" / node.alt_path(), hugo_front(node) + body)


ZOLA_BASE = """<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{% block title %}{{ config.title }}{% endblock title %}</title>
{% block description %}{% endblock description %}
<style>
{% raw %}__CSS__{% endraw %}
</style>
</head>
<body>
<a class="skip-link" href="#main">Skip to main content</a>
<header class="site-header"><div class="wrap"><a class="site-title" href="/">{{ config.title }}</a></div></header>
<aside class="help-banner wrap" aria-label="Need help now?"><h2>Need help now?</h2><p>__HELP__</p></aside>
{% block breadcrumbs %}{% endblock breadcrumbs %}
<main id="main" class="wrap">
{% block content %}{% endblock content %}
{% block info %}{% endblock info %}
</main>
<nav class="site-nav wrap" aria-label="Sections of this guide">
<h2>Sections of this guide</h2>
<ul>
{% set root = get_section(path="_index.md", metadata_only=true) %}{% for s in root.subsections %}{% set sub = get_section(path=s, metadata_only=true) %}<li><a href="{{ sub.path }}">{{ sub.title }}</a></li>
{% endfor %}
</ul>
</nav>
<footer class="site-footer"><div class="wrap"><p>{{ config.title }}</p></div></footer>
</body>
</html>
"""

ZOLA_MACROS = """{% macro crumbs(ancestors) %}
<nav class="breadcrumbs wrap" aria-label="Breadcrumb">
<ol>
{% for a in ancestors %}{% set s = get_section(path=a, metadata_only=true) %}<li><a href="{{ s.path }}">{% if loop.first %}Home{% else %}{{ s.title }}{% endif %}</a></li>{% endfor %}
</ol>
</nav>
{% endmacro crumbs %}
{% macro info(extra) %}
<footer class="page-info" id="page-info">
{% if extra.reviewed %}<p>Page last reviewed: <time datetime="{{ extra.reviewed }}">{{ extra.reviewed }}</time></p>{% endif %}
{% if extra.review_due %}<p>Next review due: <time datetime="{{ extra.review_due }}">{{ extra.review_due }}</time></p>{% endif %}
{% if extra.sources %}<p>Based on: {{ extra.sources | join(sep="; ") }}</p>{% endif %}
</footer>
{% endmacro info %}
{% macro listing(pages) %}
<ul class="listing">
{% for p in pages %}<li><a href="{{ p.path }}">{{ p.title }}</a>{% if p.description %}<p>{{ p.description }}</p>{% endif %}</li>
{% endfor %}
</ul>
{% endmacro listing %}
{% macro sublisting(paths) %}
<ul class="listing">
{% for path in paths %}{% set s = get_section(path=path, metadata_only=true) %}<li><a href="{{ s.path }}">{{ s.title }}</a>{% if s.description %}<p>{{ s.description }}</p>{% endif %}</li>
{% endfor %}
</ul>
{% endmacro sublisting %}
"""

ZOLA_PAGE = """{% extends "base.html" %}
{% import "macros.html" as m %}
{% block title %}{{ page.title }} | {{ config.title }}{% endblock title %}
{% block description %}{% if page.description %}<meta name="description" content="{{ page.description }}">{% endif %}{% endblock description %}
{% block breadcrumbs %}{{ m::crumbs(ancestors=page.ancestors) }}{% endblock breadcrumbs %}
{% block content %}
<h1>{{ page.title }}</h1>
{{ page.content | safe }}
{% if page.lower or page.higher %}
<nav class="pager" aria-label="Previous and next pages">
<ul>
{% if page.lower %}<li class="prev"><a href="{{ page.lower.path }}" rel="prev">Previous: {{ page.lower.title }}</a></li>{% endif %}
{% if page.higher %}<li class="next"><a href="{{ page.higher.path }}" rel="next">Next: {{ page.higher.title }}</a></li>{% endif %}
</ul>
</nav>
{% endif %}
{% endblock content %}
{% block info %}{{ m::info(extra=page.extra) }}{% endblock info %}
"""

ZOLA_SECTION = """{% extends "base.html" %}
{% import "macros.html" as m %}
{% block title %}{{ section.title }} | {{ config.title }}{% endblock title %}
{% block description %}{% if section.description %}<meta name="description" content="{{ section.description }}">{% endif %}{% endblock description %}
{% block breadcrumbs %}{{ m::crumbs(ancestors=section.ancestors) }}{% endblock breadcrumbs %}
{% block content %}
<h1>{{ section.title }}</h1>
{{ section.content | safe }}
{% if section.pages %}<h2 id="pages-in-this-section">Pages in this section</h2>{{ m::listing(pages=section.pages) }}{% endif %}
{% if section.subsections %}<h2 id="more-sections">More sections</h2>{{ m::sublisting(paths=section.subsections) }}{% endif %}
{% endblock content %}
{% block info %}{{ m::info(extra=section.extra) }}{% endblock info %}
"""

ZOLA_INDEX = """{% extends "base.html" %}
{% import "macros.html" as m %}
{% block description %}{% if section.description %}<meta name="description" content="{{ section.description }}">{% endif %}{% endblock description %}
{% block content %}
<h1>{{ section.title }}</h1>
{{ section.content | safe }}
{% if section.subsections %}<h2 id="sections">Sections of this guide</h2>{{ m::sublisting(paths=section.subsections) }}{% endif %}
{% if section.pages %}<h2 id="more-pages">More pages</h2>{{ m::listing(pages=section.pages) }}{% endif %}
{% endblock content %}
{% block info %}{{ m::info(extra=section.extra) }}{% endblock info %}
"""


def write_zola(gen: Generator, root: Path):
    cfg = f"""# Synthetic benchmark site made by bench/gen_corpus.py. Do not edit.
base_url = "https://example.org"
title = {toml_str(SITE_TITLE)}
description = {toml_str(SITE_DESCRIPTION)}
minify_html = true
build_search_index = false
"""
    write(root / "config.toml", cfg)
    t = root / "templates"
    write(t / "base.html", ZOLA_BASE.replace("__CSS__", style_css()).replace("__HELP__", HELP_TEXT))
    write(t / "macros.html", ZOLA_MACROS)
    write(t / "page.html", ZOLA_PAGE)
    write(t / "section.html", ZOLA_SECTION)
    write(t / "index.html", ZOLA_INDEX)
    write_pictograms(root)
    for node in gen.nodes:
        body = render_body(node, "zola")
        if node.kind == "glossary":
            body += glossary_body_for_peers()
        write(root / "content" / node.alt_path(), zola_front(node) + body)


WRITERS = {"signpost": write_signpost, "hugo": write_hugo, "zola": write_zola}


def generator_digest() -> str:
    """Identifies the generator and its inputs, so run.py can reuse a corpus safely."""
    h = hashlib.sha256(Path(__file__).read_bytes())
    h.update(style_css().encode())
    if PICTOGRAM_DIR.is_dir():
        for svg in sorted(PICTOGRAM_DIR.glob("*.svg")):
            h.update(svg.name.encode())
            h.update(svg.read_bytes())
    return h.hexdigest()[:16]


def prepare(dir_: Path):
    """Empties a folder this script made before; refuses any other non-empty folder."""
    if dir_.exists():
        if any(dir_.iterdir()):
            if not (dir_ / MARKER).is_file():
                raise SystemExit(f"gen_corpus: {dir_} is not empty and was not made by gen_corpus.py; refusing to overwrite it")
            shutil.rmtree(dir_)
        else:
            dir_.rmdir()
    dir_.mkdir(parents=True)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", type=int, required=True, help="Markdown files in content/ (at least 10)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", required=True, type=Path)
    ap.add_argument("--tool", choices=TOOLS + ("all",), default="signpost")
    args = ap.parse_args(argv)
    gen = Generator(args.pages, args.seed)
    gen.build()
    tools = TOOLS if args.tool == "all" else (args.tool,)
    stamp_base = {"pages": args.pages, "seed": args.seed, "generator": generator_digest()}
    if args.tool == "all":
        args.out.mkdir(parents=True, exist_ok=True)
        if any(args.out.iterdir()) and not (args.out / MARKER).is_file():
            raise SystemExit(f"gen_corpus: {args.out} is not empty and was not made by gen_corpus.py; refusing to overwrite it")
    for tool in tools:
        root = args.out / tool if args.tool == "all" else args.out
        prepare(root)
        WRITERS[tool](gen, root)
        write(root / MARKER, json.dumps({**stamp_base, "tool": tool}, sort_keys=True) + "\n")
    if args.tool == "all":
        write(args.out / MARKER, json.dumps({**stamp_base, "tool": "all"}, sort_keys=True) + "\n")
    kinds = {}
    for n in gen.nodes:
        kinds[n.kind] = kinds.get(n.kind, 0) + 1
    worksheets = sum(1 for n in gen.nodes if n.worksheet)
    print(f"gen_corpus: {len(gen.nodes)} Markdown files ({', '.join(f'{v} {k}' for k, v in sorted(kinds.items()))}; "
          f"{worksheets} worksheets) for {', '.join(tools)} in {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
