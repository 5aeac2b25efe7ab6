namespace Cordon.Synthetic.Names;

/// <summary>Spanish and Latin American names: one or two given names, paternal and maternal surnames.</summary>
internal static class SpanishNames
{
    public static readonly NameCulture Culture = new(
        "spanish",
        NameStyle.Spanish,
        Weight: 10,
        Male: NameForm.ParseAll([
            "José", "Juan", "Carlos", "Luis", "Jorge", "Miguel", "Francisco", "Antonio", "Manuel", "Pedro", "Jesús", "Alejandro",
            "Fernando", "Javier", "Rafael", "Ricardo", "Sergio", "Eduardo", "Andrés", "Diego", "Roberto", "Héctor", "Raúl", "Óscar",
            "Pablo", "Álvaro", "Gustavo", "Hugo", "Ramón", "Emilio", "Víctor", "Alberto", "Julio", "Ernesto", "Gonzalo", "Rodrigo",
            "Mario", "Iván", "Martín", "Joaquín", "Ignacio", "Santiago",
        ]),
        Female: NameForm.ParseAll([
            "María", "Carmen", "Ana", "Laura", "Isabel", "Lucía", "Marta", "Rosa", "Elena", "Patricia", "Sofía", "Gabriela",
            "Paula", "Claudia", "Andrea", "Mónica", "Verónica", "Beatriz", "Teresa", "Pilar", "Dolores", "Adriana", "Alejandra",
            "Daniela", "Valentina", "Camila", "Natalia", "Silvia", "Lorena", "Guadalupe", "Ximena", "Inés",
        ]),
        Family: NameForm.ParseAll([
            "García", "Rodríguez", "González", "Fernández", "López", "Martínez", "Sánchez", "Pérez", "Gómez", "Martín", "Jiménez",
            "Ruiz", "Hernández", "Díaz", "Moreno", "Muñoz", "Álvarez", "Romero", "Alonso", "Gutiérrez", "Navarro", "Torres",
            "Domínguez", "Vázquez", "Ramos", "Gil", "Ramírez", "Serrano", "Blanco", "Molina", "Morales", "Suárez", "Ortega",
            "Delgado", "Castro", "Ortiz", "Rubio", "Marín", "Sanz", "Núñez", "Iglesias", "Medina", "Garrido", "Cortés", "Castillo",
            "Santos", "Lozano", "Guerrero", "Cano", "Prieto", "Méndez", "Cruz", "Flores", "Herrera", "Peña", "Vargas", "Rojas",
            "Mendoza", "Aguilar", "Salazar", "Echeverría", "Ibáñez",
        ]),
        Countries: ["es", "mx", "mx", "co", "co", "ve", "ar", "pe", "cu", "ec", "bo", "ni", "sv", "gt", "hn", "cl", "py"],
        OrganisationStems: ["Andina", "Pacífico", "Caribe", "Del Sur", "Sol", "Cóndor", "Aurora", "Sierra Madre", "Río Grande", "Amazonas", "Tierra Firme"])
    {
        AnySpelling = false,
    };
}
