"""Questions: templates that draw parameters, ask the engine and render en/zh text."""
