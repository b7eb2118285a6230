"""
A ranker over the quote finder's speaker candidates: a conditional logistic
regression (a softmax over each quote's candidates), trained by plain
stochastic gradient descent, deterministic: the same examples in the same
order give the same weights.

``examples_of`` turns a keyed story into training examples through
``bench.ranker_candidates``; ``train`` fits weights; ``decide`` says
which candidate the ranker would put in place of the rules' choice.
"""

import math

from bench.attribution_score import match_findings, speaker_right

EPOCHS = 12
RATE = 0.1
L2 = 1e-4


class Example:
    """
    One keyed quote the rules found: its candidates' features, which of them
    are the speaker, and which the rules chose. The last candidate is nobody.
    """

    def __init__(self, story, features, right, rules):
        self.story, self.features, self.right, self.rules = story, features, right, rules

    @classmethod
    def of(cls, story, key, choice):
        right = [
            speaker_right(key["speaker"], entity) if entity is not None else False
            for entity in choice.candidates
        ]
        # Nobody is the right answer when no candidate is the speaker.
        right[-1] = not any(right[:-1])
        return cls(story, choice.features, right, rules_index(choice))

    def as_json(self):
        return {
            "story": {"id": self.story["id"], "language": self.story["language"]},
            "features": self.features,
            "right": self.right,
            "rules": self.rules,
        }

    @classmethod
    def from_json(cls, data):
        return cls(data["story"], data["features"], data["right"], data["rules"])


def rules_index(choice):
    """Which of ``choice``'s candidates the rules chose (the last, nobody, if none)."""
    return next(
        (i for i, entity in enumerate(choice.candidates) if entity is choice.finding.entity),
        len(choice.candidates) - 1,
    )


def examples_of(story, findings, choices):
    """Training examples for ``story``'s keyed quotes that the rules found."""
    paired, _extra = match_findings(story["quotes"], findings)
    by_finding = {id(choice.finding): choice for choice in choices}
    return [
        Example.of(story, key, by_finding[id(finding)])
        for key, finding in zip(story["quotes"], paired, strict=True)
        if finding is not None and id(finding) in by_finding
    ]


def score(weights, features):
    return sum(weights.get(name, 0.0) * value for name, value in features.items())


def train(examples, epochs=EPOCHS):
    """Weights (feature → float) fitted to ``examples``, in the order given."""
    weights = {}
    step = 0
    for _epoch in range(epochs):
        for example in examples:
            step += 1
            rate = RATE / math.sqrt(1 + step / 1000)
            features = example.features
            scores = [score(weights, candidate) for candidate in features]
            top = max(scores)
            exps = [math.exp(value - top) for value in scores]
            total = sum(exps)
            rights = sum(example.right)
            for candidate, exp, right in zip(features, exps, example.right, strict=True):
                error = exp / total - (right / rights)
                if not error:
                    continue
                for name, value in candidate.items():
                    weights[name] = weights.get(name, 0.0) - rate * error * value
        for name in weights:
            weights[name] *= 1 - L2 * len(examples) * RATE / math.sqrt(1 + step / 1000)
    return {name: round(value, 6) for name, value in sorted(weights.items())}


def decide(weights, features, rules, margin):
    """
    The index of the candidate the ranker puts in place of the rules' choice
    (candidate ``rules``), or None to keep it: its score must clear the
    rules' by ``margin``.
    """
    scores = [score(weights, candidate) for candidate in features]
    best = max(range(len(scores)), key=lambda i: (scores[i], -i))
    if best != rules and scores[best] - scores[rules] > margin:
        return best
    return None
