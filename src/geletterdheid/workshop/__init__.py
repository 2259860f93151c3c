"""The trainer's workshop kit: a session plan from the modules' trainer notes, slides, paper quiz
forms, an answer key, a score sheet that imports as it is, and an attendance list."""
