"""Text preparation: normalisation with an offset map back to the original, and context windows."""
