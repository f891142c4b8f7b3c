"""Terminal output with rich. Renderers format what they are given; they decide nothing."""
