"""
Results the quote finder keeps between calls, bounded by size as well as
by count (``remembered``): its rules ask the same paragraphs again and again,
but a long-running worker must not keep every long body it ever read.
"""

import collections
import functools
import threading


class _LongTexts:
    """
    Results for long texts, kept while their texts and results together hold
    at most ``budget`` characters, the least recently asked dropped first.
    """

    def __init__(self, function, budget):
        self.function, self.budget = function, budget
        self.kept, self.size, self.lock = collections.OrderedDict(), 0, threading.Lock()

    @staticmethod
    def cost(text, result):
        return len(text) + (len(result) if isinstance(result, str) else 0)

    def __call__(self, text):
        with self.lock:
            if text in self.kept:
                self.kept.move_to_end(text)
                return self.kept[text]
        result = self.function(text)
        cost = self.cost(text, result)
        if cost > self.budget // 4:
            return result  # One text never takes the room of all the others.
        with self.lock:
            if text not in self.kept:
                self.kept[text] = result
                self.size += cost
                while self.size > self.budget:
                    old, value = self.kept.popitem(last=False)
                    self.size -= self.cost(old, value)
        return result

    def clear(self):
        with self.lock:
            self.kept.clear()
            self.size = 0


def remembered(maxsize, longest=1000, budget=4_000_000):
    """
    Like ``functools.lru_cache(maxsize)``, but bounded by size as well as by
    count: texts of at most ``longest`` characters are kept by count, longer
    ones while they hold at most ``budget`` characters in all. The rules ask
    the same paragraphs again and again, but a long-running worker must not
    keep every long body it ever read.
    """

    def decorate(function):
        short = functools.lru_cache(maxsize=maxsize)(function)
        long = _LongTexts(function, budget)

        @functools.wraps(function)
        def remembered(text):
            return short(text) if len(text) <= longest else long(text)

        def cache_clear():
            short.cache_clear()
            long.clear()

        remembered.cache_clear, remembered.long_texts = cache_clear, long
        return remembered

    return decorate
