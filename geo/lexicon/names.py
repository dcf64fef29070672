"""Given names (with gender) that let the extractor discover people missing from the registry.

A capitalised given name followed by capitalised name words ("Trygve Smidt", "Oleh Korikov")
is a person even without a title cue. The list is typed in by the project: common given
names of the countries this story involves (Ukrainian, Russian and Belarusian names in
Norwegian and English transliteration, Nordic, English, German, French, Italian, Polish,
Baltic, Turkish and Arabic names). Names that are also common capitalised words or places
("May", "Will", "Jordan", "Virginia", "Roman", "Christian", "Marine", "Even") are left out on
purpose.

``gender`` lets "hun"/"she" find the right antecedent.
"""

from __future__ import annotations

__all__ = ["FEMALE_NAMES", "GIVEN_NAMES", "MALE_NAMES", "given_name_gender"]


def _words(block: str) -> list[str]:
    """Split a block of names written several to a line."""
    return block.split()


# fmt: off
MALE_NAMES: frozenset[str] = frozenset(
    _words(
    """
    Oleksandr Oleksander Oleksii Oleksiy Oleksij Oleksej Andrii Andrij Andriy Andrej Andrei
    Andrey Dmytro Dmitrij Dmitry Dmitri Dmitrijs Mykola Mykhailo Mykhajlo Mychajlo Vasyl
    Volodymyr Vladimir Vladimirs Jurij Yurii Yuriy Yuri Juri Serhii Serhij Serhiy Sergej
    Sergey Sergei Sergij Ihor Igor Oleh Oleg Vadym Vadim Vitalii Vitalij Vitaliy Vitali
    Vitaly Petro Pjotr Pyotr Pavlo Pavel Taras Bohdan Denys Denis  Ruslan Rustem
    Yevhen Jevhen Jevgenij Yevgeny Yevgeniy Evgeny Jevgenij Kyrylo Kirill Valerii
    Valerij Valery Valeriy Viktor Maksym Maxim Maksim Artem Artjom Anatolii Anatolij
    Anatoly Hennadii Hennadij Gennadij Gennady Stepan Ivan Jaroslav Yaroslav Mikhail Michail
    Nikolaj Nikolai Nikolay Aleksandr Alexandr Aleksej Alexei Aleksei Alexey Ramzan Anton
    Boris Leonid Konstantin Kostiantyn Kostjantyn Arsen Arsenij Arseniy Iryj Ilja Ilya
    Fedir Fjodor Fyodor Yakiv Jakiv Semen Semjon Timur Vladyslav Vladislav Stanislav
    Rostyslav Svyatoslav Sviatoslav Zakhar Mstyslav Heorhii Heorhij Georgij Georgy
    Olexander Olexiy Mykyta Nikita Danylo Daniil Matvii Yehor Jehor Egor Hlib Gleb
    Jonas Jens Espen Trygve Tor Ola Knut Lars Ole Svein Geir Terje Trond Arne Jan Kjell
    Rune Morten Magnus Henrik Harald Haakon Håkon Bjørn Arild Eirik Erik Fredrik Gunnar
    Halvard Helge Jostein Kristian Leif Nils Odd Øystein Pål Per Petter Roar Sindre Sverre
    Stein Steinar Tore Torbjørn Vegard Audun Kai Karl Sigbjørn Tormod Jørgen Jon Asle
    Eivind Einar  Frode Hallvard Hans Ingvar Ivar Kåre Kjetil Kåre Ketil Oddvar Olav
    Ragnar Reidar Rolf Sigurd Sondre Stian Thomas Tom Torgeir Trygve Ulf Vidar Øyvind
    Åsmund Anders Mats Tobias Stefan Magdalena Sauli Petteri Jussi Antti Pekka Juha Jyrki
    Mette Lars Løkke Olaf Friedrich Frank Walter  Robert Wolfgang Markus Jürgen
    Johann Heiko Boris Emmanuel Sébastien Gabriel François Édouard Nicolas Michel Jean
    Giorgio Sergio Antonio António Matteo Guido Mario Giuseppe Andrzej Radosław Władysław
    Mateusz Karol Rafał Gitanas Edgars Alar Krišjānis Margus Recep Hakan Mevlüt Ibrahim
    İbrahim Mohammed Mohammad Muhammad Faisal Abdullah Abdel Ali Ebrahim Hassan Hossein
    Benjamin Naftali Yair Narendra Luiz Cyril Xavier Emmanuel Joe Donald Marco Pete Mike
    Steve Steven Lloyd Antony Anthony Jake John Keith Lindsey Kurt Rex Mitch Chuck Jim
    James Robert Michael William David Richard Joseph Charles Christopher Daniel Matthew
    Paul Andrew Joshua Kenneth Kevin Brian George Timothy Ronald Jason Edward Jeffrey Ryan
    Jacob Gary Nicholas Eric Jonathan Stephen Larry Justin Scott Brandon Samuel Gregory
    Alexander Patrick Raymond Jack Dennis Jerry Tyler Aaron Jose Henry Adam Douglas Nathan
    Peter Zachary Kyle Harold Jeremy Ethan Carl Roger Gerald Terry Sean Arthur Noah
    Lawrence Jesse Bryan Billy Albert Dylan Bruce Alan Juan Logan Wayne Ralph Roy Eugene
    Randy Vincent Russell Louis Philip Bobby Johnny Bradley Mark Marc Keir Rishi Boris
    Josep Charles Ursula Olaf Volodimir Jean-Noël Jean-Yves Kaja Tayyip Sadyr Ilham Nikol
    Aleksandar Aleksander Alexandros Kyriakos Viktor Petr Pedro Pablo Carlos Miguel Luis
    Jorge Manuel Fernando Rafael Ricardo Alberto Roberto Massimo Luca Paolo Giovanni
    Andrés Ahmed Mahmoud Omar Khalid  Tamim Mikheil Irakli Bidzina Salome Maia
    Alexandr Ihar Siarhei Sviatlana Pavlo Heorhiy Dmytrij Jurii Ljudmyla Saul Martin
    Gunnar Alexander Kristoffer Christoffer Simen Joakim Mathias Martin Marius Andreas
    """
    )
) - frozenset({"Magdalena", "Mette", "Løkke", "Ursula", "Kaja", "Salome", "Maia",
               "Sviatlana", "Ljudmyla", "Walter"})

FEMALE_NAMES: frozenset[str] = frozenset(
    _words(
    """
    Iryna Irina Olena Jelena Yelena Elena Yuliia Julija Yulia Julia Tetiana Tetjana Tatjana
    Tatiana Tatyana Natalia Natalija Natalja Natalya Kateryna Katerina Jekaterina Yekaterina
    Anastasiia Anastasia Anastasija Oksana Halyna Galina Liudmyla Ljudmyla Ljudmila
    Lyudmila Svitlana Svetlana Sviatlana Valentina Olga Olha Maria Marija Mariya Anna Hanna
    Daria Darja Viktoria Viktoriia Alina Sofia Sofiia Khrystyna Kristina Inna Larysa Larisa
    Nadiia Nadija Nadezhda Vira Vera Veronika Ella Elvira Zoya Zoja Oleksandra Aleksandra
    Alexandra Yana Jana Ulyana Uljana Lesia Lesja Mariana Marjana Solomiia Olesia Olesja
    Erna Anniken Ine Siv Hadia Trine Marit Kristin Heidi Tone Marianne Hanne Line Silje
    Camilla Ingvild Solveig Ragnhild Turid Gro Liv Åse Else Berit Sylvi Mona Marte Ingrid
    Astrid Sigrid Hilde Ida Kari Unni Guri Torill Randi Bente Eva Lene Anette Mari Tonje
    Magdalena Mette Sanna Elina Petra Annalena Angela Ursula Nancy Kamala Hillary Nikki
    Condoleezza Madeleine Federica Roberta Giorgia  Élisabeth Catherine Kaja Evika
    Ingrida Agnė Dalia Salome Maia Zuzana Beata Ewa Agnieszka Katarzyna Mary Patricia
    Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Lisa Margaret Betty Sandra
    Ashley Kimberly Emily Donna Michelle Carol Amanda Melissa Deborah Stephanie Rebecca
    Laura Sharon Cynthia Kathleen Amy Shirley Helen Brenda Pamela Nicole Samantha
    Katherine Emma Ruth Christine Debra Rachel Carolyn Janet Heather Diane Julie Joyce
    Kelly Christina Joan Evelyn Lauren Judith Olivia Martha Cheryl Megan Andrea Hannah
    Jacqueline Ann Jean Alice Kathryn Gloria Teresa Doris Sara Janice Marie Grace Judy
    Theresa Beverly Denise Marilyn Danielle Abigail Diana Natalie Sophia Lori Jane Tulsi
    Kristi Karoline Kristalina Roberta Kirsty Yvette Liz Theresa Priti Suella Penny
    """
    )
)
# fmt: on

GIVEN_NAMES: frozenset[str] = MALE_NAMES | FEMALE_NAMES


def given_name_gender(name: str) -> str | None:
    """Return ``"m"``, ``"f"`` or ``None`` (unknown or both) for a given name."""
    male, female = name in MALE_NAMES, name in FEMALE_NAMES
    if male == female:
        return None
    return "m" if male else "f"
