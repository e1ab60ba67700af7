"""The static rules: one module per rule family, `registry` collects them (`ALL_RULES`),
`base` is the rule protocol and `support` what the rules share."""
