"""Model-backed recognition of person names, postal addresses, place names and organisations.

`tagger` loads the shipped character CRF lazily (python-crfsuite, the `ner` extra); `features` and
`lexicon` describe characters to it; `rules` and `combine` add what labels and titles say and score
the result. The recognizer that exposes all this is `yinsi.recognizers.named_entity`.
"""
